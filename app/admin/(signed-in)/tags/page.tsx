import Link from 'next/link';
import { z } from 'zod';
import { listTagsForManage } from '@/db/queries/admin/tags';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { TextAreaField, TextField } from '@/components/admin/forms/Field';
import { managePage } from '@/services/admin/page-context';
import { staffPageMetadata } from '@/services/admin/metadata';
import { tagPath } from '@/domain/urls';
import { createTagForm, deleteTagForm } from '../../../../actions/tags';

export const generateMetadata = () => staffPageMetadata('tag:manage', ({ t }) => t('tags'));

const PAGE_SIZE = 50;

const query = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export default async function TagsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db } = await managePage('tag:manage');
  const raw = await searchParams;
  const f = query.parse({ q: raw.q, page: raw.page });
  const result = await listTagsForManage(db, { q: f.q || undefined, page: f.page, pageSize: PAGE_SIZE });
  const href = (page: number) => `/admin/tags?${new URLSearchParams({ ...(f.q ? { q: f.q } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('tags')}</h1>
      {raw.deleted ? (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          ✓ {mt('deleted')}
        </p>
      ) : null}
      <form method="get" role="search" className="flex items-end gap-2">
        <div>
          <label htmlFor="tag-search" className="block text-xs">
            {mt('searchTags')}
          </label>
          <input id="tag-search" name="q" defaultValue={f.q ?? ''} className="admin-input" />
        </div>
        <button type="submit" className="admin-button">
          {t('filter')}
        </button>
      </form>
      <section aria-labelledby="tag-list" className="admin-card overflow-x-auto">
        <h2 id="tag-list" className="mb-2 text-sm text-neutral-600 dark:text-neutral-400">
          {mt('tagCount', { count: result.total })}
        </h2>
        {result.items.length ? (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-neutral-300 text-xs text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
              <tr>
                <th className="py-2">{mt('name')}</th>
                <th className="py-2">{mt('address')}</th>
                <th className="py-2 text-right">{t('articles')}</th>
                <th className="py-2">
                  <span className="sr-only">{mt('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((tag) => (
                <tr key={tag.id} className="border-b border-neutral-200 dark:border-neutral-800">
                  <td className="py-2">
                    <Link href={`/admin/tags/${tag.id}`} className="font-medium hover:underline">
                      {tag.name}
                    </Link>
                  </td>
                  <td className="py-2">
                    <Link href={tagPath(tag)} className="font-mono text-xs underline">
                      {tagPath(tag)}
                    </Link>
                  </td>
                  <td className="py-2 text-right tabular-nums">{tag.articleCount}</td>
                  <td className="py-2">
                    <div className="flex justify-end gap-2">
                      <Link href={`/admin/tags/${tag.id}`} className="admin-button">
                        {t('edit')}
                        <span className="sr-only">: {tag.name}</span>
                      </Link>
                      <ActionForm action={deleteTagForm} idPrefix={`delete-tag-${tag.id}`} confirmText={mt('confirmDeleteTag', { name: tag.name, count: tag.articleCount })}>
                        <input type="hidden" name="id" value={tag.id} />
                        <SubmitButton className="admin-button">
                          {mt('delete')}
                          <span className="sr-only">: {tag.name}</span>
                        </SubmitButton>
                      </ActionForm>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">{t('nothingHere')}</p>
        )}
      </section>
      {result.pageCount > 1 ? (
        <nav aria-label={mt('pagination')} className="flex justify-between text-sm">
          {f.page > 1 ? <Link href={href(f.page - 1)}>{t('previousPage')}</Link> : <span />}
          <span>
            {f.page} / {result.pageCount}
          </span>
          {f.page < result.pageCount ? <Link href={href(f.page + 1)}>{t('nextPage')}</Link> : <span />}
        </nav>
      ) : null}
      <section aria-labelledby="new-tag" className="admin-card">
        <h2 id="new-tag" className="mb-3 text-lg font-semibold">
          {mt('newTag')}
        </h2>
        <ActionForm action={createTagForm} idPrefix="new-tag" resetOnSuccess>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField form="new-tag" name="name" label={mt('name')} required maxLength={60} />
            <TextField form="new-tag" name="slug" label={mt('slug')} hint={mt('slugHintNew')} maxLength={120} autoCapitalize="none" spellCheck={false} />
            <TextAreaField form="new-tag" name="description" label={mt('description')} maxLength={1000} className="md:col-span-2" />
          </div>
          <SubmitButton className="admin-button-primary mt-4">{mt('create')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
