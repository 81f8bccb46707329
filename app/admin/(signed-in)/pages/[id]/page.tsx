import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getPageForEdit } from '@/db/queries/admin/pages';
import { ButtonForm, ConfirmDelete } from '@/components/admin/kit/ButtonForm';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { StatusBadge } from '@/components/admin/kit/StatusBadge';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { idOr404, adminPage } from '@/services/admin/page-context';
import { PageFields } from '@/components/admin/forms/PageFields';
import { adminPageMetadata } from '@/services/admin/metadata';
import { formatDateTime } from '@/domain/i18n/format';
import { getSettings } from '@/services/reader';
import { pagePath } from '@/domain/urls';
import { deletePageForm, savePageForm, setPageStatusForm } from '../../../../../actions/pages';

export const generateMetadata = () => adminPageMetadata('page:manage', ({ t }) => t('pages'));

export default async function EditPagePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, locale, db } = await adminPage('page:manage');
  const id = idOr404((await params).id);
  const [page, settings, query] = await Promise.all([getPageForEdit(db, id), getSettings(), searchParams]);
  if (!page) notFound();
  const published = page.status === 'published';
  return (
    <div className="space-y-6">
      <PageHeader title={mt('editPage', { name: page.title })} back={{ href: '/admin/pages', label: t('pages'), navLabel: mt('breadcrumb') }} />
      <FlashMessage show={query.created}>{mt('pageCreated')}</FlashMessage>
      <p className="flex flex-wrap items-center gap-x-3 text-sm text-neutral-700 dark:text-neutral-300">
        <StatusBadge>{t(`status_${page.status}`)}</StatusBadge>
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
      <Card id="page-actions" title={mt('actions')} titleClassName={CARD_TITLE.hidden} className="admin-card flex flex-wrap items-start gap-6">
        {published ? (
          <ButtonForm action={setPageStatusForm} idPrefix="unpublish" values={{ id: page.id, status: 'draft', baseVersion: page.version }} explain={mt('unpublishExplain')} label={mt('unpublish')} />
        ) : null}
        <ConfirmDelete action={deletePageForm} idPrefix="delete-page" id={page.id} thenList confirmText={mt('confirmDelete', { name: page.title })} explain={mt('deletePageExplain')} label={mt('delete')} />
      </Card>
    </div>
  );
}
