import type { DeliveryDTO } from '@/db/queries/admin/webhooks';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import { formatDateTime } from '@/domain/i18n/format';
import type { Locale } from '@/domain/i18n/messages';
import { resendDeliveryForm } from '@/actions/webhooks';
import { ButtonForm } from '../kit/ButtonForm';
import { actionsColumn, DataTable, EmptyNote, type Column } from '../kit/DataTable';
import { DeliveryStatusBadge, eventLabel } from './labels';

interface Props {
  webhookId: number;
  deliveries: DeliveryDTO[];
  mt: ManageTranslator;
  locale: Locale;
  timeZone: string;
}

/** The latest deliveries of one webhook: what was sent, what came back, and a "send again" each. */
export function DeliveryLog({ webhookId, deliveries, mt, locale, timeZone }: Props) {
  const when = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, locale, timeZone)}</time>;
  const columns: Column<DeliveryDTO>[] = [
    { key: 'time', header: mt('time'), cellClassName: 'whitespace-nowrap py-2 pr-3 align-top', cell: (d) => when(d.lastAttemptAt ?? d.createdAt) },
    { key: 'event', header: mt('deliveryEvent'), cellClassName: 'py-2 pr-3 align-top', cell: (d) => eventLabel(mt, d.event) },
    {
      key: 'status',
      header: mt('deliveryStatus'),
      cellClassName: 'py-2 pr-3 align-top',
      cell: (d) => (
        <>
          <DeliveryStatusBadge status={d.status} mt={mt} />
          {d.status === 'pending' ? <span className="mt-1 block text-xs text-neutral-600 dark:text-neutral-400">{mt('nextAttempt', { time: formatDateTime(d.nextAttemptAt, locale, timeZone) })}</span> : null}
        </>
      ),
    },
    { key: 'attempts', header: mt('deliveryAttempts'), cellClassName: 'py-2 pr-3 text-right tabular-nums align-top', headerClassName: 'py-2 pr-3 text-right', cell: (d) => d.attempts },
    { key: 'code', header: mt('deliveryCode'), cellClassName: 'py-2 pr-3 tabular-nums align-top', cell: (d) => d.lastResponseCode ?? '—' },
    {
      key: 'answer',
      header: mt('deliveryAnswer'),
      cellClassName: 'max-w-md py-2 pr-3 align-top',
      cell: (d) => (
        <>
          {d.lastError ? <span className="block text-xs text-red-800 dark:text-red-300">{d.lastError}</span> : null}
          {d.lastResponseExcerpt ? <code className="block max-h-24 overflow-auto whitespace-pre-wrap break-all text-xs">{d.lastResponseExcerpt}</code> : null}
        </>
      ),
    },
    actionsColumn(mt('actions'), (d) => (
      <ButtonForm action={resendDeliveryForm} idPrefix={`resend-${d.id}`} values={{ id: webhookId, deliveryId: d.id }} label={mt('sendAgain')} objectName={`${eventLabel(mt, d.event)} #${d.id}`} />
    )),
  ];
  return <DataTable rows={deliveries} columns={columns} empty={<EmptyNote>{mt('noDeliveries')}</EmptyNote>} />;
}
