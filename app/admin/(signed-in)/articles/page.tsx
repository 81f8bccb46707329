import Link from 'next/link';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { ADMIN_SORTS, listAdminArticles } from '@/db/queries/admin/article-admin';
import { listStaff } from '@/db/queries/admin/users';
import { articleStatus } from '@/db/schema';
import { ArticleTable } from '@/components/admin/ArticleTable';
import { BulkArticleForm } from '@/components/admin/BulkArticleForm.client';
import { adminTranslator } from '@/services/admin/locale';
import { staffPageMetadata } from '@/services/admin/metadata';
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
  return staffPageMetadata(null, ({ t }) => (trash ? t('trash') : t('articles')));
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
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{f.trash ? t('trash') : t('articles')}</h1>
        {can(user.role, 'article:create') ? (
          <Link href="/admin/articles/new" className="admin-button-primary">
            {t('newArticle')}
          </Link>
        ) : null}
      </div>
      <form method="get" className="admin-card flex flex-wrap items-end gap-3 text-sm" role="search">
        <label>
          <span className="block text-xs">{t('search')}</span>
          <input name="q" defaultValue={f.q ?? ''} className="admin-input" />
        </label>
        <label>
          <span className="block text-xs">{t('status')}</span>
          <select name="status" defaultValue={f.status ?? ''} className="admin-input">
            <option value="">{t('all')}</option>
            {articleStatus.enumValues.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-xs">{t('section')}</span>
          <select name="section" defaultValue={f.section ?? ''} className="admin-input">
            <option value="">{t('all')}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-xs">{t('tags')}</span>
          <select name="tag" defaultValue={f.tag ?? ''} className="admin-input">
            <option value="">{t('all')}</option>
            {tagList.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-xs">{t('author')}</span>
          <select name="author" defaultValue={f.author ?? ''} className="admin-input">
            <option value="">{t('all')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-xs">{t('sort')}</span>
          <select name="sort" defaultValue={f.sort ?? 'updated'} className="admin-input">
            {ADMIN_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort_${s}`)}
              </option>
            ))}
          </select>
        </label>
        {f.trash ? <input type="hidden" name="trash" value="1" /> : null}
        <button type="submit" className="admin-button">
          {t('filter')}
        </button>
        <Link href={f.trash ? '/admin/articles' : '/admin/articles?trash=1'} className="ml-auto text-sm underline">
          {f.trash ? t('articles') : t('trash')}
        </Link>
      </form>
      <BulkArticleForm action={bulkArticlesForm} locale={locale} options={bulk && result.items.length ? (f.trash ? ['restore'] : ['publish', 'unpublish', 'archive', 'trash']) : []}>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">{t('count', { count: result.capped ? `${result.total}+` : result.total })}</p>
        <div className="admin-card overflow-x-auto">
          <ArticleTable rows={result.items} t={t} locale={locale} timeZone={settings.timeZone} selectable={bulk} />
        </div>
      </BulkArticleForm>
      <nav aria-label="pagination" className="flex justify-between text-sm">
        {f.page > 1 ? <Link href={query(f.page - 1)}>{t('previousPage')}</Link> : <span />}
        <span>
          {f.page} / {result.pageCount}
        </span>
        {f.page < result.pageCount ? <Link href={query(f.page + 1)}>{t('nextPage')}</Link> : <span />}
      </nav>
    </div>
  );
}
