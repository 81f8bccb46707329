import { z } from 'zod';
import { listRedirects, type AdminRedirectDTO } from '@/db/queries/admin/redirects';
import { ConfirmDelete } from '@/components/admin/kit/ButtonForm';
import { Card } from '@/components/admin/kit/Card';
import { actionsColumn, DataTable, EmptyNote, TitleLink, type Column } from '@/components/admin/kit/DataTable';
import { FilterField, FilterForm } from '@/components/admin/kit/FilterField';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { SearchedListPager } from '@/components/admin/kit/Pager';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { RowActions, RowLink } from '@/components/admin/kit/RowActions';
import { ActionForm, FieldErrors, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { RedirectFields } from '@/components/admin/forms/RedirectFields';
import { adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { formatDateTime } from '@/domain/i18n/format';
import { getSettings } from '@/services/reader';
import { createRedirectForm, deleteRedirectForm, importRedirectsForm } from '../../../../actions/redirects';

export const generateMetadata = () => adminPageMetadata('redirect:manage', ({ t }) => t('redirects'));

const PAGE_SIZE = 50;

const query = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export default async function RedirectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db, locale } = await adminPage('redirect:manage');
  const raw = await searchParams;
  const f = query.parse({ q: raw.q, page: raw.page });
  const [result, settings] = await Promise.all([listRedirects(db, { q: f.q || undefined, page: f.page, pageSize: PAGE_SIZE }), getSettings()]);
  const columns: Column<AdminRedirectDTO>[] = [
    { key: 'from', header: mt('redirectFrom'), cellClassName: 'py-2 pr-3 break-all', cell: (r) => <TitleLink href={`/admin/redirects/${r.id}`}>{r.fromPath}</TitleLink> },
    { key: 'to', header: mt('redirectTo'), cellClassName: 'py-2 pr-3 break-all font-mono text-xs', cell: (r) => r.toPath },
    { key: 'status', header: mt('redirectStatus'), cellClassName: 'py-2 pr-3 tabular-nums', cell: (r) => r.statusCode },
    { key: 'hits', header: mt('redirectHits'), headerClassName: 'py-2 pr-3 text-right', cellClassName: 'py-2 pr-3 text-right tabular-nums', cell: (r) => r.hits },
    {
      key: 'lastHit',
      header: mt('redirectLastHit'),
      cellClassName: 'whitespace-nowrap py-2 pr-3 text-xs',
      cell: (r) => (r.lastHitAt ? <time dateTime={r.lastHitAt.toISOString()}>{formatDateTime(r.lastHitAt.toISOString(), locale, settings.timeZone)}</time> : mt('redirectNeverHit')),
    },
    actionsColumn(mt('actions'), (r) => (
      <RowActions>
        <RowLink href={`/admin/redirects/${r.id}`} label={t('edit')} name={r.fromPath} />
        <ConfirmDelete action={deleteRedirectForm} idPrefix={`delete-redirect-${r.id}`} id={r.id} confirmText={mt('confirmDeleteRedirect', { path: r.fromPath })} label={mt('delete')} objectName={r.fromPath} />
      </RowActions>
    )),
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t('redirects')} />
      <p className="text-sm text-neutral-700 dark:text-neutral-300">{mt('redirectsIntro')}</p>
      <FlashMessage show={raw.deleted}>{mt('deleted')}</FlashMessage>
      <FilterForm submitLabel={t('filter')} className="flex items-end gap-2">
        <FilterField id="redirect-search" label={mt('searchRedirects')}>
          <input id="redirect-search" name="q" defaultValue={f.q ?? ''} className="admin-input" />
        </FilterField>
      </FilterForm>
      <Card id="redirect-list" title={mt('redirectCount', { count: result.total })} titleClassName="mb-2 text-sm text-neutral-600 dark:text-neutral-400" className="admin-card overflow-x-auto">
        <DataTable rows={result.items} columns={columns} empty={<EmptyNote>{t('nothingHere')}</EmptyNote>} />
        <p className="mt-3 text-xs text-neutral-600 dark:text-neutral-400">{mt('redirectHitsNote')}</p>
      </Card>
      <SearchedListPager path="/admin/redirects" q={f.q} page={f.page} pageCount={result.pageCount} label={mt('pagination')} previousText={t('previousPage')} nextText={t('nextPage')} />
      <Card id="new-redirect" title={mt('newRedirect')}>
        <ActionForm action={createRedirectForm} idPrefix="new-redirect" resetOnSuccess>
          <RedirectFields form="new-redirect" mt={mt} />
          <SubmitButton className="admin-button-primary mt-4">{mt('create')}</SubmitButton>
        </ActionForm>
      </Card>
      <Card id="import-redirects" title={mt('importRedirects')} intro={mt('importRedirectsHint')}>
        <ActionForm action={importRedirectsForm} idPrefix="import-redirects" resetOnSuccess className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="import-redirects-file" className="block text-sm font-medium">
              {mt('csvFile')}
            </label>
            <input id="import-redirects-file" name="file" type="file" accept=".csv,text/csv,text/plain" required aria-describedby="import-redirects-file-error" className="mt-1 text-sm" />
            <FieldErrors name="file" />
          </div>
          <SubmitButton className="admin-button">{mt('importAction')}</SubmitButton>
        </ActionForm>
        <p className="mt-4 text-sm">
          <a href="/admin/redirects/export" download className="underline">
            {mt('exportRedirects')}
          </a>
        </p>
      </Card>
    </div>
  );
}
