import Link from 'next/link';
import { listPagesForAdmin } from '@/db/queries/admin/pages';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { managePage } from '@/services/admin/page-context';
import { staffPageMetadata } from '@/services/admin/metadata';
import { formatDateTime } from '@/domain/i18n/format';
import { getSettings } from '@/services/reader';
import { pagePath } from '@/domain/urls';
import { deletePageForm, setPageStatusForm } from '../../../../actions/pages';

export const generateMetadata = () => staffPageMetadata('page:manage', ({ t }) => t('pages'));

export default async function PagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, locale, db } = await managePage('page:manage');
  const [pages, settings, params] = await Promise.all([listPagesForAdmin(db), getSettings(), searchParams]);
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t('pages')}</h1>
        <Link href="/admin/pages/new" className="admin-button-primary">
          {mt('newPage')}
        </Link>
      </div>
      {params.deleted ? (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          ✓ {mt('deleted')}
        </p>
      ) : null}
      <section aria-labelledby="page-list" className="admin-card overflow-x-auto">
        <h2 id="page-list" className="sr-only">
          {t('pages')}
        </h2>
        {pages.length ? (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-neutral-300 text-xs text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
              <tr>
                <th className="py-2">{t('title')}</th>
                <th className="py-2">{mt('address')}</th>
                <th className="py-2">{t('status')}</th>
                <th className="hidden py-2 md:table-cell">{t('updated')}</th>
                <th className="py-2">
                  <span className="sr-only">{mt('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pages.map((p) => (
                <tr key={p.id} className="border-b border-neutral-200 dark:border-neutral-800">
                  <td className="py-2">
                    <Link href={`/admin/pages/${p.id}`} className="font-medium hover:underline">
                      {p.title}
                    </Link>
                  </td>
                  <td className="py-2 font-mono text-xs">{p.status === 'published' ? <Link href={pagePath(p)} className="underline">{pagePath(p)}</Link> : pagePath(p)}</td>
                  <td className="py-2">
                    <span className="whitespace-nowrap rounded bg-neutral-200 px-2 py-0.5 text-xs dark:bg-neutral-800">{t(`status_${p.status}`)}</span>
                  </td>
                  <td className="hidden whitespace-nowrap py-2 md:table-cell">{formatDateTime(p.updatedAt, locale, settings.timeZone)}</td>
                  <td className="py-2">
                    <div className="flex justify-end gap-2">
                      <Link href={`/admin/pages/${p.id}`} className="admin-button">
                        {t('edit')}
                        <span className="sr-only">: {p.title}</span>
                      </Link>
                      <ActionForm action={setPageStatusForm} idPrefix={`status-page-${p.id}`}>
                        <input type="hidden" name="id" value={p.id} />
                        <input type="hidden" name="status" value={p.status === 'published' ? 'draft' : 'published'} />
                        <SubmitButton className="admin-button">
                          {p.status === 'published' ? mt('unpublish') : mt('publish')}
                          <span className="sr-only">: {p.title}</span>
                        </SubmitButton>
                      </ActionForm>
                      <ActionForm action={deletePageForm} idPrefix={`delete-page-${p.id}`} confirmText={mt('confirmDelete', { name: p.title })}>
                        <input type="hidden" name="id" value={p.id} />
                        <SubmitButton className="admin-button">
                          {mt('delete')}
                          <span className="sr-only">: {p.title}</span>
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
    </div>
  );
}
