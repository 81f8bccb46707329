import Link from 'next/link';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { ADMIN_SORTS, listAdminArticles } from '@/db/queries/admin/article-admin';
import { listStaff } from '@/db/queries/admin/users';
import { articleStatus } from '@/db/schema';
import { ArticleTable } from '@/components/admin/ArticleTable';
import { BulkArticleForm } from '@/components/admin/BulkArticleForm.client';
import { FilterField, FilterForm, FilterSelect } from '@/components/admin/kit/FilterField';
import { NumberedPager } from '@/components/admin/kit/Pager';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { adminTranslator } from '@/services/admin/locale';
import { adminPageMetadata } from '@/services/admin/metadata';
import { requirePageUser } from '@/services/auth/session';
import { can } from '@/domain/permissions';
import { getSections, getSettings } from '@/services/reader';
import { listTagsForAdmin } from '@/db/queries/admin/taxonomy';
import { bulkArticlesForm } from '../../../../actions/articles';

const PAGE_SIZE = 25;

// Unknown or malformed filters fall back to "all" instead of failing the page.
const filters = z.object({
  status: z.enum(articleStatus.enumValues).optional().catch(undefined),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  tag: z.coerce.number().int().positive().optional().catch(undefined),
  author: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(ADMIN_SORTS).optional().catch(undefined),
  trash: z.literal('1').optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1).default(1),
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A repeated parameter counts once, by its first value. */
const parseFilters = (raw: Awaited<SearchParams>) => filters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }) {
  const { trash } = parseFilters(await searchParams);
  return adminPageMetadata(null, ({ t }) => (trash ? t('trash') : t('articles')));
}

export default async function ArticlesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser();
  const f = parseFilters(await searchParams);
  const db = await getDb();
  const [{ t, locale }, settings, sections, result, staff, tagList] = await Promise.all([
    adminTranslator(user),
    getSettings(),
    getSections(),
    listAdminArticles(db, user, { status: f.status, sectionId: f.section, tagId: f.tag, authorId: f.author, q: f.q, sort: f.sort, trash: f.trash === '1', page: f.page, pageSize: PAGE_SIZE }),
    listStaff(db),
    listTagsForAdmin(db),
  ]);
  const bulk = can(user.role, 'article:bulk');
  const query = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...f, page })) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) params.set(k, String(v));
    const s = params.toString();
    return s ? `/admin/articles?${s}` : '/admin/articles';
  };
  return (
    <div className="space-y-4">
      <PageHeader title={f.trash ? t('trash') : t('articles')} action={can(user.role, 'article:create') ? { href: '/admin/articles/new', label: t('newArticle') } : undefined} />
      <FilterForm
        submitLabel={t('filter')}
        className="admin-card flex flex-wrap items-end gap-3 text-sm"
        after={
          <Link href={f.trash ? '/admin/articles' : '/admin/articles?trash=1'} className="ml-auto text-sm underline">
            {f.trash ? t('articles') : t('trash')}
          </Link>
        }
      >
        <FilterField label={t('searchStories')}>
          <input name="q" defaultValue={f.q ?? ''} className="admin-input" />
        </FilterField>
        <FilterSelect name="status" label={t('status')} defaultValue={f.status ?? ''} allLabel={t('all')} options={articleStatus.enumValues.map((s) => ({ value: s, label: t(`status_${s}`) }))} />
        <FilterSelect name="section" label={t('section')} defaultValue={f.section ?? ''} allLabel={t('all')} options={sections.map((s) => ({ value: s.id, label: s.title }))} />
        <FilterSelect name="tag" label={t('tags')} defaultValue={f.tag ?? ''} allLabel={t('all')} options={tagList.map((tag) => ({ value: tag.id, label: tag.name }))} />
        <FilterSelect name="author" label={t('author')} defaultValue={f.author ?? ''} allLabel={t('all')} options={staff.map((s) => ({ value: s.id, label: s.name }))} />
        <FilterSelect name="sort" label={t('sort')} defaultValue={f.sort ?? 'updated'} options={ADMIN_SORTS.map((s) => ({ value: s, label: t(`sort_${s}`) }))} />
        {f.trash ? <input type="hidden" name="trash" value="1" /> : null}
      </FilterForm>
      <BulkArticleForm action={bulkArticlesForm} locale={locale} options={bulk && result.items.length ? (f.trash ? ['restore'] : ['publish', 'unpublish', 'archive', 'trash']) : []}>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">{t('count', { count: result.capped ? `${result.total}+` : result.total })}</p>
        <div className="admin-card overflow-x-auto">
          <ArticleTable rows={result.items} t={t} locale={locale} timeZone={settings.timeZone} selectable={bulk} />
        </div>
      </BulkArticleForm>
      <NumberedPager label="pagination" page={f.page} pageCount={result.pageCount} href={query} previousText={t('previousPage')} nextText={t('nextPage')} />
    </div>
  );
}
