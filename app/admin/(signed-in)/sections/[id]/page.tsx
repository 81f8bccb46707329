import { notFound } from 'next/navigation';
import { listSectionsForAdmin } from '@/db/queries/admin/sections';
import { ConfirmDelete } from '@/components/admin/kit/ButtonForm';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { idOr404, adminPage } from '@/services/admin/page-context';
import { SectionFields } from '@/components/admin/forms/SectionFields';
import { adminPageMetadata } from '@/services/admin/metadata';
import { sectionPath } from '@/domain/urls';
import { deleteSectionForm, updateSectionForm } from '../../../../../actions/sections';

export const generateMetadata = () => adminPageMetadata('section:manage', ({ t }) => t('sections'));

export default async function EditSectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { t, mt, db } = await adminPage('section:manage');
  const id = idOr404((await params).id);
  const sections = await listSectionsForAdmin(db);
  const section = sections.find((s) => s.id === id);
  if (!section) notFound();
  const empty = section.articleCount === 0 && section.childCount === 0;
  return (
    <div className="space-y-6">
      <PageHeader title={mt('editSection', { name: section.title })} back={{ href: '/admin/sections', label: t('sections'), navLabel: mt('breadcrumb') }} />
      <Card id="edit-section" title={t('edit')} titleClassName={CARD_TITLE.hidden}>
        <ActionForm action={updateSectionForm} idPrefix="section">
          <input type="hidden" name="id" value={section.id} />
          <SectionFields form="section" t={t} mt={mt} sections={sections} section={section} />
          <p className="mt-3 text-xs text-neutral-600 dark:text-neutral-400">{mt('slugRenameNote', { path: sectionPath(section) })}</p>
          <SubmitButton className="admin-button-primary mt-4">{t('save')}</SubmitButton>
        </ActionForm>
      </Card>
      <Card
        id="delete-section"
        title={mt('deleteSection')}
        titleClassName={CARD_TITLE.action}
        intro={empty ? mt('deleteSectionEmpty') : mt('deleteSectionBlocked', { articles: section.articleCount, children: section.childCount })}
      >
        <ConfirmDelete action={deleteSectionForm} idPrefix="delete-section" id={section.id} thenList confirmText={mt('confirmDelete', { name: section.title })} label={mt('delete')} />
      </Card>
    </div>
  );
}
