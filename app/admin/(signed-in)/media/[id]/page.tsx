import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getMedia, getMediaUsage } from '@/db/queries/admin/media';
import { adminLocale } from '@/services/admin/locale';
import { adminPageMetadata } from '@/services/admin/metadata';
import { requirePageUser } from '@/services/auth/session';
import { formatDateTime } from '@/domain/i18n/format';
import { mediaT } from '@/domain/i18n/admin-media';
import { can } from '@/domain/permissions';
import { getSettings } from '@/services/reader';
import { applyMediaAltFormAction, deleteMediaFormAction, updateMediaFormAction } from '../../../../../actions/media';

export const generateMetadata = () => adminPageMetadata('media:upload', ({ t }) => t('media'));

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function MediaDetailPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user.role, 'media:upload')) notFound();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  const db = await getDb();
  const [item, usage, locale, settings, query] = await Promise.all([getMedia(db, id), getMediaUsage(db, user, id), adminLocale(user), getSettings(), searchParams]);
  if (!item) notFound();
  const t = mediaT(locale);
  const manage = can(user.role, 'media:manage');
  const inUse = usage.items.length + usage.others > 0;
  const kindLabel = { 'article-cover': t('articleCover'), 'article-body': t('articleBody'), 'page-body': t('pageBody') } as const;
  return (
    <div className="space-y-4">
      <Link href="/admin/media" className="text-sm underline">
        {t('back')}
      </Link>
      <h1 className="break-all text-2xl font-bold">{item.originalName}</h1>
      {query.saved ? <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm dark:bg-emerald-950">{t('saved')}</p> : null}
      {typeof query.applied === 'string' ? (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm dark:bg-emerald-950">
          {t('applied', { count: Number(query.applied) || 0 })}
          {Number(query.skipped) > 0 ? ` ${t('appliedSkipped', { count: Number(query.skipped) })}` : ''}
        </p>
      ) : null}
      {typeof query.error === 'string' ? <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{query.error}</p> : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        {/* eslint-disable-next-line @next/next/no-img-element -- our own stored image */}
        <img src={item.url} alt={item.alt} width={item.width} height={item.height} className="h-auto w-full rounded border border-neutral-300 dark:border-neutral-700" />
        <div className="space-y-4 text-sm">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt>{t('dimensions')}</dt>
            <dd>
              {item.width}×{item.height}
            </dd>
            <dt>{t('size')}</dt>
            <dd>{(item.bytes / 1024).toFixed(0)} KiB</dd>
            <dt>{t('uploadedAt')}</dt>
            <dd>{formatDateTime(item.createdAt, locale, settings.timeZone)}</dd>
          </dl>
          <form action={updateMediaFormAction} className="space-y-2">
            <input type="hidden" name="id" value={item.id} />
            <label className="block">
              <span className="font-medium">{t('alt')}</span>
              <input name="alt" defaultValue={item.alt} maxLength={300} disabled={!manage} className="admin-input mt-1" />
            </label>
            <label className="block">
              <span className="font-medium">{t('caption')}</span>
              <textarea name="caption" defaultValue={item.caption} maxLength={500} rows={3} disabled={!manage} className="admin-input mt-1" />
            </label>
            {manage ? (
              <button type="submit" className="admin-button-primary">
                {t('save')}
              </button>
            ) : null}
          </form>
          {manage && item.alt.trim() && usage.items.some((u) => u.kind !== 'page-body') ? (
            // After an alt change: the stories keep the text they were saved with until this runs.
            <form action={applyMediaAltFormAction}>
              <input type="hidden" name="id" value={item.id} />
              <button type="submit" className="admin-button" aria-describedby="apply-alt-hint">
                {t('applyAlt')}
              </button>
              <p id="apply-alt-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
                {t('applyAltHint')}
              </p>
            </form>
          ) : null}
          <section aria-labelledby="usage-heading">
            <h2 id="usage-heading" className="font-semibold">
              {t('usage')}
            </h2>
            {usage.items.length || usage.others ? (
              <ul className="list-disc pl-5">
                {usage.items.map((u) => (
                  <li key={`${u.kind}-${u.id}`}>
                    {kindLabel[u.kind]}：
                    <Link href={u.kind === 'page-body' ? `/admin/pages/${u.id}` : `/admin/articles/${u.id}`} className="underline">
                      {u.title}
                    </Link>
                  </li>
                ))}
                {usage.others ? <li data-testid="usage-others">{t('usageOthers').replace('{count}', String(usage.others))}</li> : null}
              </ul>
            ) : (
              <p>{t('unused')}</p>
            )}
          </section>
          {manage ? (
            <form action={deleteMediaFormAction}>
              <input type="hidden" name="id" value={item.id} />
              <button type="submit" className="admin-button" disabled={inUse} aria-describedby={inUse ? 'delete-refused' : undefined}>
                {t('delete')}
              </button>
              {inUse ? (
                <p id="delete-refused" className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
                  {t('deleteRefused')}
                </p>
              ) : null}
            </form>
          ) : null}
        </div>
      </div>
    </div>
  );
}
