import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getPageForEdit } from '@/db/queries/admin/pages';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { idOr404, managePage } from '@/services/admin/page-context';
import { PageFields } from '@/components/admin/forms/PageFields';
import { staffPageMetadata } from '@/services/admin/metadata';
import { formatDateTime } from '@/domain/i18n/format';
import { getSettings } from '@/services/reader';
import { pagePath } from '@/domain/urls';
import { deletePageForm, savePageForm, setPageStatusForm } from '../../../../../actions/pages';

export const generateMetadata = () => staffPageMetadata('page:manage', ({ t }) => t('pages'));

export default async function EditPagePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, locale, db } = await managePage('page:manage');
  const id = idOr404((await params).id);
  const [page, settings, query] = await Promise.all([getPageForEdit(db, id), getSettings(), searchParams]);
  if (!page) notFound();
  const published = page.status === 'published';
  return (
    <div className="space-y-6">
      <nav aria-label={mt('breadcrumb')} className="text-sm">
        <Link href="/admin/pages" className="underline">
          {t('pages')}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{mt('editPage', { name: page.title })}</h1>
      {query.created ? (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          ✓ {mt('pageCreated')}
        </p>
      ) : null}
      <p className="flex flex-wrap items-center gap-x-3 text-sm text-neutral-700 dark:text-neutral-300">
        <span className="rounded bg-neutral-200 px-2 py-0.5 text-xs dark:bg-neutral-800">{t(`status_${page.status}`)}</span>
        {published ? (
          <Link href={pagePath(page)} className="font-mono underline">
            {pagePath(page)}
          </Link>
        ) : null}
        <span>
          {t('updated')}: {formatDateTime(page.updatedAt, locale, settings.timeZone)}
        </span>
      </p>
      <ActionForm action={savePageForm} idPrefix="page" className="admin-card" messagesAtEnd>
        <input type="hidden" name="id" value={page.id} />
        <input type="hidden" name="baseVersion" value={page.version} />
        <PageFields form="page" t={t} mt={mt} locale={locale} page={page} />
        <div className="mt-4 flex flex-wrap gap-2">
          <SubmitButton name="intent" value="save">
            {t('save')}
          </SubmitButton>
          {published ? null : (
            <SubmitButton name="intent" value="publish" className="admin-button">
              {mt('saveAndPublish')}
            </SubmitButton>
          )}
        </div>
      </ActionForm>
      <section aria-labelledby="page-actions" className="admin-card flex flex-wrap items-start gap-6">
        <h2 id="page-actions" className="sr-only">
          {mt('actions')}
        </h2>
        {published ? (
          <ActionForm action={setPageStatusForm} idPrefix="unpublish">
            <input type="hidden" name="id" value={page.id} />
            <input type="hidden" name="status" value="draft" />
            <input type="hidden" name="baseVersion" value={page.version} />
            <p className="mb-2 text-sm text-neutral-700 dark:text-neutral-300">{mt('unpublishExplain')}</p>
            <SubmitButton className="admin-button">{mt('unpublish')}</SubmitButton>
          </ActionForm>
        ) : null}
        <ActionForm action={deletePageForm} idPrefix="delete-page" confirmText={mt('confirmDelete', { name: page.title })}>
          <input type="hidden" name="id" value={page.id} />
          <input type="hidden" name="then" value="list" />
          <p className="mb-2 text-sm text-neutral-700 dark:text-neutral-300">{mt('deletePageExplain')}</p>
          <SubmitButton className="admin-button">{mt('delete')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
