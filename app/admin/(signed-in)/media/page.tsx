import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { MEDIA_TYPES, MEDIA_USAGE_FILTERS, listMedia } from '@/db/queries/admin/media';
import { FilterForm } from '@/components/admin/kit/FilterField';
import { NumberedPager, pagedHref } from '@/components/admin/kit/Pager';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { LibraryUploader } from '@/components/admin/media/LibraryUploader.client';
import { adminLocale } from '@/services/admin/locale';
import { adminPageMetadata } from '@/services/admin/metadata';
import { requirePageUser } from '@/services/auth/session';
import { mediaT } from '@/domain/i18n/admin-media';
import { MEDIA_LIMITS } from '@/services/media/process';
import { can } from '@/domain/permissions';

export const generateMetadata = () => adminPageMetadata('media:upload', ({ t }) => t('media'));

// A hand-edited query string falls back to the unfiltered library rather than an error page.
const query = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  type: z.enum(MEDIA_TYPES).optional().catch(undefined),
  usage: z.enum(MEDIA_USAGE_FILTERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).catch(1).default(1),
});

const TYPE_LABELS: Record<(typeof MEDIA_TYPES)[number], string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'image/gif': 'GIF', 'image/avif': 'AVIF' };

export default async function MediaLibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  if (!can(user.role, 'media:upload')) notFound();
  const raw = await searchParams;
  const { q, type, usage, page } = query.parse({ q: raw.q, type: raw.type, usage: raw.usage, page: raw.page });
  const t = mediaT(await adminLocale(user));
  const result = await listMedia(await getDb(), { q: q || undefined, type, usage, page, pageSize: 24 });
  const filters = { ...(q ? { q } : {}), ...(type ? { type } : {}), ...(usage ? { usage } : {}) };
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} />
      <LibraryUploader labels={{ dropHere: t('dropHere'), choose: t('choose'), uploading: t('uploading'), done: t('done') }} />
      <p className="text-xs text-neutral-600 dark:text-neutral-400">{t('limits').replace('{mb}', String(Math.round(MEDIA_LIMITS.maxBytes / 1024 / 1024)))}</p>
      <FilterForm submitLabel={t('search').split(/[，,]/)[0]} className="flex flex-wrap gap-2">
        <label className="min-w-48 flex-1">
          <span className="sr-only">{t('search')}</span>
          <input name="q" defaultValue={q ?? ''} placeholder={t('search')} className="admin-input" />
        </label>
        <label>
          <span className="sr-only">{t('filterType')}</span>
          <select name="type" defaultValue={type ?? ''} className="admin-input">
            <option value="">{t('allTypes')}</option>
            {MEDIA_TYPES.map((value) => (
              <option key={value} value={value}>
                {TYPE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="sr-only">{t('filterUsage')}</span>
          <select name="usage" defaultValue={usage ?? ''} className="admin-input">
            <option value="">{t('anyUsage')}</option>
            <option value="used">{t('usageUsed')}</option>
            <option value="unused">{t('usageUnused')}</option>
            <option value="no-alt">{t('usageNoAlt')}</option>
          </select>
        </label>
      </FilterForm>
      <p className="text-sm text-neutral-600 dark:text-neutral-400" aria-live="polite">
        {t('count').replace('{count}', String(result.total))}
      </p>
      {result.items.length ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {result.items.map((item) => {
            const thumb = item.variants.find((v) => v.format === 'webp');
            return (
              <li key={item.id} className="admin-card p-2">
                <Link href={`/admin/media/${item.id}`} className="block">
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own stored thumbnail */}
                  <img src={thumb ? `/media/${thumb.key}` : item.url} alt={item.alt} width={thumb?.width ?? item.width} height={thumb?.height ?? item.height} loading="lazy" className="aspect-video h-auto w-full rounded object-cover" />
                  <span className="mt-1 block truncate text-sm">{item.originalName}</span>
                  <span className="block text-xs text-neutral-600 dark:text-neutral-400">
                    {item.width}×{item.height}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t('empty')}</p>
      )}
      <NumberedPager label="pagination" page={page} pageCount={result.pageCount} href={(p) => pagedHref('/admin/media', filters, p)} previousText="←" nextText="→" />
    </div>
  );
}
