import { listSectionsForAdmin, type AdminSectionDTO } from '@/db/queries/admin/sections';
import { ConfirmDelete } from '@/components/admin/kit/ButtonForm';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { actionsColumn, AddressLink, DataTable, EmptyNote, TitleLink, type Column } from '@/components/admin/kit/DataTable';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { RowActions, RowLink } from '@/components/admin/kit/RowActions';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { adminPage } from '@/services/admin/page-context';
import { SectionFields } from '@/components/admin/forms/SectionFields';
import { adminPageMetadata } from '@/services/admin/metadata';
import { sectionPath } from '@/domain/urls';
import { createSectionForm, deleteSectionForm } from '../../../../actions/sections';

export const generateMetadata = () => adminPageMetadata('section:manage', ({ t }) => t('sections'));

export default async function SectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db } = await adminPage('section:manage');
  const [sections, params] = await Promise.all([listSectionsForAdmin(db), searchParams]);
  const columns: Column<AdminSectionDTO>[] = [
    {
      key: 'title',
      header: t('title'),
      // The tree shows as indentation under the parent.
      cellAttributes: (s) => ({ style: { paddingInlineStart: `${s.depth * 1.5}rem` } }),
      cell: (s) => (
        <>
          {s.depth ? <span aria-hidden="true">└ </span> : null}
          <TitleLink href={`/admin/sections/${s.id}`}>{s.title}</TitleLink>
        </>
      ),
    },
    { key: 'address', header: mt('address'), cell: (s) => <AddressLink href={sectionPath(s)} /> },
    { key: 'sortOrder', header: mt('sortOrder'), headerClassName: 'py-2 text-right', cellClassName: 'py-2 text-right tabular-nums', cell: (s) => s.sortOrder },
    { key: 'articles', header: t('articles'), headerClassName: 'py-2 text-right', cellClassName: 'py-2 text-right tabular-nums', cell: (s) => s.articleCount },
    actionsColumn(mt('actions'), (s) => (
      <RowActions>
        <RowLink href={`/admin/sections/${s.id}`} label={t('edit')} name={s.title} />
        {/* A section with stories or subsections cannot go; its screen says why. */}
        {s.articleCount === 0 && s.childCount === 0 ? (
          <ConfirmDelete action={deleteSectionForm} idPrefix={`delete-section-${s.id}`} id={s.id} confirmText={mt('confirmDelete', { name: s.title })} label={mt('delete')} objectName={s.title} />
        ) : null}
      </RowActions>
    )),
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t('sections')} />
      <FlashMessage show={params.deleted}>{mt('deleted')}</FlashMessage>
      <Card id="sections-list" title={mt('sectionTree')} titleClassName={CARD_TITLE.hidden} className="admin-card overflow-x-auto">
        <DataTable rows={sections} columns={columns} empty={<EmptyNote>{t('nothingHere')}</EmptyNote>} />
      </Card>
      <Card id="new-section" title={mt('newSection')}>
        <ActionForm action={createSectionForm} idPrefix="new-section" resetOnSuccess>
          <SectionFields form="new-section" t={t} mt={mt} sections={sections} />
          <SubmitButton className="admin-button-primary mt-4">{mt('create')}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
