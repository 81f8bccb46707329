import Link from 'next/link';
import { z } from 'zod';
import { listAudit } from '@/db/queries/admin/audit';
import { listUserChoices } from '@/db/queries/admin/users-admin';
import { managePage } from '@/services/admin/page-context';
import { staffPageMetadata } from '@/services/admin/metadata';
import { formatDateTime } from '@/domain/i18n/format';
import { auditActionLabel } from '@/domain/i18n/audit-actions';
import { getSettings } from '@/services/reader';
import { promoteScheduledStories } from '@/services/scheduled';

export const generateMetadata = () => staffPageMetadata('audit:read', ({ t }) => t('audit'));

const PAGE_SIZE = 50;
const ENTITY_TYPES = ['article', 'section', 'tag', 'page', 'user', 'settings', 'media'] as const;
type EntityType = (typeof ENTITY_TYPES)[number];
const ADMIN_LINKS: Partial<Record<string, string>> = { article: 'articles', section: 'sections', tag: 'tags', page: 'pages', user: 'users' };

// Malformed filters fall back to "all" instead of failing the page.
const filters = z.object({
  actor: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  entity: z.enum(ENTITY_TYPES).optional().catch(undefined),
  before: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, locale, db } = await managePage('audit:read');
  const raw = await searchParams;
  const f = filters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  await promoteScheduledStories(db); // the log shows stories that went live since the last periodic run
  const [entries, people, settings] = await Promise.all([
    listAudit(db, { before: f.before, limit: PAGE_SIZE, actorId: f.actor, entityType: f.entity }),
    listUserChoices(db),
    getSettings(),
  ]);
  const href = (before?: number) => {
    const params = new URLSearchParams();
    if (f.actor) params.set('actor', String(f.actor));
    if (f.entity) params.set('entity', f.entity);
    if (before) params.set('before', String(before));
    const query = params.toString();
    return query ? `/admin/audit?${query}` : '/admin/audit';
  };
  const last = entries.at(-1);
  const entityLabel = (type: string) => ((ENTITY_TYPES as readonly string[]).includes(type) ? mt(`entity_${type as EntityType}`) : type);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('audit')}</h1>
      <form method="get" role="search" className="admin-card flex flex-wrap items-end gap-3 text-sm">
        <div>
          <label htmlFor="audit-actor" className="block text-xs">
            {mt('actor')}
          </label>
          <select id="audit-actor" name="actor" defaultValue={f.actor ?? ''} className="admin-input">
            <option value="">{t('all')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-entity" className="block text-xs">
            {mt('entityType')}
          </label>
          <select id="audit-entity" name="entity" defaultValue={f.entity ?? ''} className="admin-input">
            <option value="">{t('all')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {mt(`entity_${type}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="admin-button">
          {t('filter')}
        </button>
      </form>
      <section aria-labelledby="audit-entries" className="admin-card overflow-x-auto">
        <h2 id="audit-entries" className="sr-only">
          {mt('auditEntries')}
        </h2>
        {entries.length ? (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-neutral-300 text-xs text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
              <tr>
                <th className="py-2">{mt('time')}</th>
                <th className="py-2">{mt('actor')}</th>
                <th className="py-2">{mt('action')}</th>
                <th className="py-2">{mt('entity')}</th>
                <th className="py-2">{mt('summary')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const section = ADMIN_LINKS[e.entityType];
                const entity = `${entityLabel(e.entityType)}${e.entityId ? ` #${e.entityId}` : ''}`;
                return (
                  <tr key={e.id} className="border-b border-neutral-200 align-top dark:border-neutral-800">
                    <td className="whitespace-nowrap py-2 pr-3">
                      <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, locale, settings.timeZone)}</time>
                    </td>
                    <td className="py-2 pr-3">{e.actorName ?? mt('systemOrDeleted')}</td>
                    {/* Words only; the stored code stays in data-action for whoever debugs the log. */}
                    <td className="py-2 pr-3" data-action={e.action}>
                      {auditActionLabel(locale, e.action)}
                    </td>
                    <td className="whitespace-nowrap py-2 pr-3">
                      {section && e.entityId ? (
                        <Link href={`/admin/${section}/${e.entityId}`} className="underline">
                          {entity}
                        </Link>
                      ) : (
                        entity
                      )}
                    </td>
                    <td className="py-2 break-all">{e.summary}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">{t('nothingHere')}</p>
        )}
      </section>
      <nav aria-label={mt('pagination')} className="flex justify-between text-sm">
        {f.before ? <Link href={href()}>{mt('newest')}</Link> : <span />}
        {entries.length === PAGE_SIZE && last ? <Link href={href(last.id)}>{mt('older')}</Link> : <span />}
      </nav>
    </div>
  );
}
