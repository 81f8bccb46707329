import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listSectionsForAdmin } from '@/db/queries/admin/sections';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { idOr404, managePage } from '@/services/admin/page-context';
import { SectionFields } from '@/components/admin/forms/SectionFields';
import { staffPageMetadata } from '@/services/admin/metadata';
import { sectionPath } from '@/domain/urls';
import { deleteSectionForm, updateSectionForm } from '../../../../../actions/sections';

export const generateMetadata = () => staffPageMetadata('section:manage', ({ t }) => t('sections'));

export default async function EditSectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { t, mt, db } = await managePage('section:manage');
  const id = idOr404((await params).id);
  const sections = await listSectionsForAdmin(db);
  const section = sections.find((s) => s.id === id);
  if (!section) notFound();
  const empty = section.articleCount === 0 && section.childCount === 0;
  return (
    <div className="space-y-6">
      <nav aria-label={mt('breadcrumb')} className="text-sm">
        <Link href="/admin/sections" className="underline">
          {t('sections')}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{mt('editSection', { name: section.title })}</h1>
      <section aria-labelledby="edit-section" className="admin-card">
        <h2 id="edit-section" className="sr-only">
          {t('edit')}
        </h2>
        <ActionForm action={updateSectionForm} idPrefix="section">
          <input type="hidden" name="id" value={section.id} />
          <SectionFields form="section" t={t} mt={mt} sections={sections} section={section} />
          <p className="mt-3 text-xs text-neutral-600 dark:text-neutral-400">{mt('slugRenameNote', { path: sectionPath(section) })}</p>
          <SubmitButton className="admin-button-primary mt-4">{t('save')}</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="delete-section" className="admin-card">
        <h2 id="delete-section" className="mb-2 font-semibold">
          {mt('deleteSection')}
        </h2>
        <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">
          {empty ? mt('deleteSectionEmpty') : mt('deleteSectionBlocked', { articles: section.articleCount, children: section.childCount })}
        </p>
        <ActionForm action={deleteSectionForm} idPrefix="delete-section" confirmText={mt('confirmDelete', { name: section.title })}>
          <input type="hidden" name="id" value={section.id} />
          <input type="hidden" name="then" value="list" />
          <SubmitButton className="admin-button">{mt('delete')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
