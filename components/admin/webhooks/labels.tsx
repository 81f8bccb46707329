import type { ManageKey, ManageTranslator } from '@/domain/i18n/admin-manage';
import { EVENT, TEST_EVENT } from '@/domain/webhooks/events';
import type { DeliveryStatus } from '@/domain/webhooks/events';

const EVENT_KEYS: Record<string, ManageKey> = {
  [EVENT.published]: 'event_published',
  [EVENT.updated]: 'event_updated',
  [EVENT.unpublished]: 'event_unpublished',
  [EVENT.deleted]: 'event_deleted',
  [EVENT.scheduledPublished]: 'event_scheduledPublished',
  [TEST_EVENT]: 'event_test',
};

/** An event in words; an unknown name (from a later version) as itself. */
export function eventLabel(mt: ManageTranslator, event: string): string {
  return Object.hasOwn(EVENT_KEYS, event) ? mt(EVENT_KEYS[event]!) : event;
}

const TONE: Record<DeliveryStatus, string> = {
  pending: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  delivered: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  failed: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100',
};

export function DeliveryStatusBadge({ status, mt }: { status: DeliveryStatus; mt: ManageTranslator }) {
  return <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs ${TONE[status]}`}>{mt(`delivery_${status}`)}</span>;
}

export function WebhookSwitch({ active, mt }: { active: boolean; mt: ManageTranslator }) {
  const tone = active ? TONE.delivered : 'bg-neutral-200 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200';
  return <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs ${tone}`}>{mt(active ? 'webhookOn' : 'webhookOff')}</span>;
}
