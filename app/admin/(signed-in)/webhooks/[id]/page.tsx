import { notFound } from 'next/navigation';
import { getWebhook, listDeliveries } from '@/db/queries/admin/webhooks';
import { ButtonForm, ConfirmDelete } from '@/components/admin/kit/ButtonForm';
import { Card, CARD_TITLE } from '@/components/admin/kit/Card';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { WebhookFields } from '@/components/admin/forms/WebhookFields';
import { DeliveryLog } from '@/components/admin/webhooks/DeliveryLog';
import { idOr404, adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { getSettings } from '@/services/reader';
import { deleteWebhookForm, regenerateWebhookSecretForm, sendTestWebhookForm, updateWebhookForm } from '../../../../../actions/webhooks';

export const generateMetadata = () => adminPageMetadata('webhook:manage', ({ t }) => t('webhooks'));

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db, locale } = await adminPage('webhook:manage');
  const id = idOr404((await params).id);
  const [hook, deliveries, settings, query] = await Promise.all([getWebhook(db, id), listDeliveries(db, id, 50), getSettings(), searchParams]);
  if (!hook) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title={mt('editWebhook', { url: hook.url })} back={{ href: '/admin/webhooks', label: t('webhooks'), navLabel: mt('breadcrumb') }} />
      <FlashMessage show={query.created}>{mt('webhookCreated')}</FlashMessage>
      <Card id="edit-webhook" title={t('edit')} titleClassName={CARD_TITLE.hidden}>
        <ActionForm action={updateWebhookForm} idPrefix="webhook">
          <input type="hidden" name="id" value={hook.id} />
          <WebhookFields form="webhook" mt={mt} webhook={hook} />
          <SubmitButton className="admin-button-primary mt-4">{t('save')}</SubmitButton>
        </ActionForm>
      </Card>
      <Card id="webhook-secret" title={mt('webhookSecret')} titleClassName={CARD_TITLE.action} intro={mt('webhookSecretHint')}>
        <input id="webhook-secret-value" aria-labelledby="webhook-secret" readOnly value={hook.secret} className="admin-input mb-3 font-mono text-sm" spellCheck={false} />
        <ButtonForm action={regenerateWebhookSecretForm} idPrefix="regenerate-secret" values={{ id: hook.id }} label={mt('regenerateSecret')} confirmText={mt('confirmRegenerateSecret')} />
      </Card>
      <Card id="webhook-test" title={mt('sendTestEvent')} titleClassName={CARD_TITLE.action}>
        <ButtonForm action={sendTestWebhookForm} idPrefix="send-test" values={{ id: hook.id }} label={mt('sendTestEvent')} explain={mt('sendTestExplain')} />
      </Card>
      <Card id="webhook-deliveries" title={mt('deliveryLog')} titleClassName={CARD_TITLE.action} className="admin-card overflow-x-auto">
        <DeliveryLog webhookId={hook.id} deliveries={deliveries} mt={mt} locale={locale} timeZone={settings.timeZone} />
      </Card>
      <Card id="delete-webhook" title={mt('deleteWebhook')} titleClassName={CARD_TITLE.action} intro={mt('deleteWebhookExplain')}>
        <ConfirmDelete action={deleteWebhookForm} idPrefix="delete-webhook" id={hook.id} thenList confirmText={mt('confirmDeleteWebhook', { url: hook.url })} label={mt('delete')} />
      </Card>
    </div>
  );
}
