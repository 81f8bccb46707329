import { listWebhooks, type AdminWebhookDTO } from '@/db/queries/admin/webhooks';
import { ConfirmDelete } from '@/components/admin/kit/ButtonForm';
import { Card } from '@/components/admin/kit/Card';
import { actionsColumn, DataTable, EmptyNote, TitleLink, type Column } from '@/components/admin/kit/DataTable';
import { FlashMessage } from '@/components/admin/kit/FlashMessage';
import { PageHeader } from '@/components/admin/kit/PageHeader';
import { RowActions, RowLink } from '@/components/admin/kit/RowActions';
import { ActionForm, SubmitButton } from '@/components/admin/forms/ActionForm.client';
import { WebhookFields } from '@/components/admin/forms/WebhookFields';
import { eventLabel, WebhookSwitch } from '@/components/admin/webhooks/labels';
import { adminPage } from '@/services/admin/page-context';
import { adminPageMetadata } from '@/services/admin/metadata';
import { createWebhookForm, deleteWebhookForm } from '../../../../actions/webhooks';

export const generateMetadata = () => adminPageMetadata('webhook:manage', ({ t }) => t('webhooks'));

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, mt, db } = await adminPage('webhook:manage');
  const [hooks, query] = await Promise.all([listWebhooks(db), searchParams]);
  const columns: Column<AdminWebhookDTO>[] = [
    { key: 'url', header: mt('webhookUrl'), cellClassName: 'max-w-sm break-all py-2 pr-3', cell: (h) => <TitleLink href={`/admin/webhooks/${h.id}`}>{h.url}</TitleLink> },
    { key: 'events', header: mt('webhookEvents'), cellClassName: 'py-2 pr-3 text-sm', cell: (h) => h.events.map((e) => eventLabel(mt, e)).join(' · ') },
    { key: 'state', header: mt('deliveryStatus'), cellClassName: 'py-2 pr-3 text-sm', cell: (h) => (
      <>
        <WebhookSwitch active={h.active} mt={mt} />
        <span className="mt-1 block text-xs text-neutral-600 dark:text-neutral-400">{mt('webhookQueue', { pending: h.pending, failed: h.failed })}</span>
      </>
    ) },
    actionsColumn(mt('actions'), (h) => (
      <RowActions>
        <RowLink href={`/admin/webhooks/${h.id}`} label={t('edit')} name={h.url} />
        <ConfirmDelete action={deleteWebhookForm} idPrefix={`delete-webhook-${h.id}`} id={h.id} confirmText={mt('confirmDeleteWebhook', { url: h.url })} label={mt('delete')} objectName={h.url} />
      </RowActions>
    )),
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t('webhooks')} />
      <FlashMessage show={query.deleted}>{mt('deleted')}</FlashMessage>
      <p className="max-w-3xl text-sm text-neutral-700 dark:text-neutral-300">{mt('webhooksIntro')}</p>
      <Card id="webhook-list" title={mt('webhookCount', { count: hooks.length })} titleClassName="mb-2 text-sm text-neutral-600 dark:text-neutral-400" className="admin-card overflow-x-auto">
        <DataTable rows={hooks} columns={columns} empty={<EmptyNote>{t('nothingHere')}</EmptyNote>} />
      </Card>
      <Card id="new-webhook" title={mt('newWebhook')}>
        <ActionForm action={createWebhookForm} idPrefix="new-webhook" resetOnSuccess>
          <WebhookFields form="new-webhook" mt={mt} />
          <SubmitButton className="admin-button-primary mt-4">{mt('create')}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
