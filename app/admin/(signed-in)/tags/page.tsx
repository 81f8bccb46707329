import { z } from 'zod';
import { listTagsForManage, type AdminTagDTO } from '@/db/queries/admin/tags';
import { ConfirmDelete } from '@/components/admin/kit/ButtonForm';
import { Card } from '@/components/admin/kit/Card';
import { actionsColumn, AddressLink, DataTable, EmptyNote, TitleLink, type Column } from '@/components/admin/kit/DataTable';
import { FilterField, FilterForm } from '@/components/admin/kit/FilterField';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { SearchedListPager } from '@/components/admin/kit/Pager';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { RowActions, RowLink } from '@/components/admin/kit/RowActions';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { adminPage } from '@/services/admin/page-context';
import { TagFields } from '@/components/admin/forms/TagFields';
import { adminPageMetadata } from '@/services/admin/metadata';
import { tagPath } from '@/domain/urls';
import { createTagForm, deleteTagForm } from '../../../../actions/tags';

export const generateMetadata = () => adminPageMetadata('tag:manage', ({ t }) => t('tags'));

const PAGE_SIZE = 50;

const query = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export default async function TagsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db } = await adminPage('tag:manage');
  const raw = await searchParams;
  const f = query.parse({ q: raw.q, page: raw.page });
  const result = await listTagsForManage(db, { q: f.q || undefined, page: f.page, pageSize: PAGE_SIZE });
  const columns: Column<AdminTagDTO>[] = [
    { key: 'name', header: mt('name'), cell: (tag) => <TitleLink href={`/admin/tags/${tag.id}`}>{tag.name}</TitleLink> },
    { key: 'address', header: mt('address'), cell: (tag) => <AddressLink href={tagPath(tag)} /> },
    { key: 'articles', header: t('articles'), headerClassName: 'py-2 text-right', cellClassName: 'py-2 text-right tabular-nums', cell: (tag) => tag.articleCount },
    actionsColumn(mt('actions'), (tag) => (
      <RowActions>
        <RowLink href={`/admin/tags/${tag.id}`} label={t('edit')} name={tag.name} />
        <ConfirmDelete action={deleteTagForm} idPrefix={`delete-tag-${tag.id}`} id={tag.id} confirmText={mt('confirmDeleteTag', { name: tag.name, count: tag.articleCount })} label={mt('delete')} objectName={tag.name} />
      </RowActions>
    )),
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t('tags')} />
      <FlashMessage show={raw.deleted}>{mt('deleted')}</FlashMessage>
      <FilterForm submitLabel={t('filter')} className="flex items-end gap-2">
        <FilterField id="tag-search" label={mt('searchTags')}>
          <input id="tag-search" name="q" defaultValue={f.q ?? ''} className="admin-input" />
        </FilterField>
      </FilterForm>
      <Card id="tag-list" title={mt('tagCount', { count: result.total })} titleClassName="mb-2 text-sm text-neutral-600 dark:text-neutral-400" className="admin-card overflow-x-auto">
        <DataTable rows={result.items} columns={columns} empty={<EmptyNote>{t('nothingHere')}</EmptyNote>} />
      </Card>
      <SearchedListPager path="/admin/tags" q={f.q} page={f.page} pageCount={result.pageCount} label={mt('pagination')} previousText={t('previousPage')} nextText={t('nextPage')} />
      <Card id="new-tag" title={mt('newTag')}>
        <ActionForm action={createTagForm} idPrefix="new-tag" resetOnSuccess>
          <TagFields form="new-tag" mt={mt} />
          <SubmitButton className="admin-button-primary mt-4">{mt('create')}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
