import Link from 'next/link';
import { z } from 'zod';
import { listAudit, type AuditRowDTO } from '@/db/queries/admin/audit';
import { listUserChoices } from '@/db/queries/admin/users-admin';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { DataTable, EmptyNote, type Column } from '@/components/admin/kit/DataTable';
import { FilterForm, FilterSelect } from '@/components/admin/kit/FilterField';
import { Pager } from '@/components/admin/kit/Pager';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { formatDateTime } from '@/domain/i18n/format';
import { auditActionLabel } from '@/domain/i18n/audit-actions';
import { getSettings } from '@/services/reader';
import { runTimedWork } from '@/services/scheduled';

export const generateMetadata = () => adminPageMetadata('audit:read', ({ t }) => t('audit'));

const PAGE_SIZE = 50;
const ENTITY_TYPES = ['article', 'section', 'tag', 'page', 'redirect', 'user', 'settings', 'media', 'webhook', 'breaking', 'import'] as const;
type EntityType = (typeof ENTITY_TYPES)[number];
const ADMIN_LINKS: Partial<Record<string, string>> = { article: 'articles', section: 'sections', tag: 'tags', page: 'pages', redirect: 'redirects', user: 'users', webhook: 'webhooks' };

// Malformed filters fall back to "all" instead of failing the page.
const filters = z.object({
  actor: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  entity: z.enum(ENTITY_TYPES).optional().catch(undefined),
  before: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

/** "Tag #12", linking to the tag's screen when it has one. */
function EntityCell({ entry, label }: { entry: AuditRowDTO; label: string }) {
  const section = ADMIN_LINKS[entry.entityType];
  const entity = `${label}${entry.entityId ? ` #${entry.entityId}` : ''}`;
  return section && entry.entityId ? (
    <Link href={`/admin/${section}/${entry.entityId}`} className="underline">
      {entity}
    </Link>
  ) : (
    entity
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, locale, db } = await adminPage('audit:read');
  const raw = await searchParams;
  const f = filters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  await runTimedWork(db); // the log shows stories that went live since the last periodic run
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
  const columns: Column<AuditRowDTO>[] = [
    { key: 'time', header: mt('time'), cellClassName: 'whitespace-nowrap py-2 pr-3', cell: (e) => <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, locale, settings.timeZone)}</time> },
    { key: 'actor', header: mt('actor'), cellClassName: 'py-2 pr-3', cell: (e) => (
        <>
          {e.actorName ?? mt('systemOrDeleted')}
          {e.viaToken !== null ? <span className="block text-xs text-neutral-600 dark:text-neutral-400">{mt('auditViaToken', { name: e.viaToken })}</span> : null}
        </>
      ),
    },
    // Words only; the stored code stays in data-action for whoever debugs the log.
    { key: 'action', header: mt('action'), cellClassName: 'py-2 pr-3', cellAttributes: (e) => ({ 'data-action': e.action }), cell: (e) => auditActionLabel(locale, e.action) },
    { key: 'entity', header: mt('entity'), cellClassName: 'whitespace-nowrap py-2 pr-3', cell: (e) => <EntityCell entry={e} label={entityLabel(e.entityType)} /> },
    { key: 'summary', header: mt('summary'), cellClassName: 'py-2 break-all', cell: (e) => e.summary },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t('audit')} />
      <FilterForm submitLabel={t('filter')} className="admin-card flex flex-wrap items-end gap-3 text-sm">
        <FilterSelect id="audit-actor" name="actor" label={mt('actor')} defaultValue={f.actor ?? ''} allLabel={t('all')} options={people.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterSelect id="audit-entity" name="entity" label={mt('entityType')} defaultValue={f.entity ?? ''} allLabel={t('all')} options={ENTITY_TYPES.map((type) => ({ value: type, label: mt(`entity_${type}`) }))} />
      </FilterForm>
      <Card id="audit-entries" title={mt('auditEntries')} titleClassName={CARD_TITLE.hidden} className="admin-card overflow-x-auto">
        <DataTable rows={entries} columns={columns} rowClassName="border-b border-neutral-200 align-top dark:border-neutral-800" empty={<EmptyNote>{t('nothingHere')}</EmptyNote>} />
      </Card>
      <Pager label={mt('pagination')} previous={f.before ? { href: href(), text: mt('newest') } : null} next={entries.length === PAGE_SIZE && last ? { href: href(last.id), text: mt('older') } : null} />
    </div>
  );
}
