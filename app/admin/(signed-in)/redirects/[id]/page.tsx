import { notFound } from 'next/navigation';
import { getRedirectForManage } from '@/db/queries/admin/redirects';
import { ConfirmDelete } from '@/components/admin/kit/ButtonForm';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { RedirectFields } from '@/components/admin/forms/RedirectFields';
import { idOr404, adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { deleteRedirectForm, updateRedirectForm } from '../../../../../actions/redirects';

export const generateMetadata = () => adminPageMetadata('redirect:manage', ({ t }) => t('redirects'));

export default async function EditRedirectPage({ params }: { params: Promise<{ id: string }> }) {
  const { t, mt, db } = await adminPage('redirect:manage');
  const redirect = await getRedirectForManage(db, idOr404((await params).id));
  if (!redirect) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title={mt('editRedirect', { path: redirect.fromPath })} back={{ href: '/admin/redirects', label: t('redirects'), navLabel: mt('breadcrumb') }} />
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        {mt('redirectHits')}: <span className="tabular-nums">{redirect.hits}</span>
      </p>
      <Card id="edit-redirect" title={t('edit')} titleClassName={CARD_TITLE.hidden}>
        <ActionForm action={updateRedirectForm} idPrefix="redirect">
          <input type="hidden" name="id" value={redirect.id} />
          <RedirectFields form="redirect" mt={mt} redirect={redirect} />
          <SubmitButton className="admin-button-primary mt-4">{t('save')}</SubmitButton>
        </ActionForm>
      </Card>
      <Card id="delete-redirect" title={mt('deleteRedirect')} titleClassName={CARD_TITLE.action}>
        <ConfirmDelete action={deleteRedirectForm} idPrefix="delete-redirect" id={redirect.id} thenList confirmText={mt('confirmDeleteRedirect', { path: redirect.fromPath })} label={mt('delete')} />
      </Card>
    </div>
  );
}
