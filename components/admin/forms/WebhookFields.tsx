import type { WebhookWithSecretDTO } from '@/db/queries/admin/webhooks';
import type { ManageTranslator } from '@/domain/i18n/admin-manage';
import { WEBHOOK_URL_MAX } from '@/domain/validation/webhook';
import { WEBHOOK_EVENTS } from '@/domain/webhooks/events';
import { eventLabel } from '../webhooks/labels';
import { FieldErrors } from './ActionForm.client';
import { TextField } from './Field';

interface Props {
  form: string;
  mt: ManageTranslator;
  /** The webhook being edited; absent on create (then every event is ticked and it is active). */
  webhook?: WebhookWithSecretDTO;
}

/** A webhook's address, events and switch, the same on the create card and on the webhook's screen. */
export function WebhookFields({ form, mt, webhook }: Props) {
  const chosen = new Set<string>(webhook?.events ?? WEBHOOK_EVENTS);
  return (
    <div className="space-y-4">
      <TextField form={form} name="url" type="url" label={mt('webhookUrl')} hint={mt('webhookUrlHint')} required maxLength={WEBHOOK_URL_MAX} defaultValue={webhook?.url} autoCapitalize="none" spellCheck={false} placeholder="https://" />
      <fieldset aria-describedby={`${form}-events-error`}>
        <legend className="block text-sm font-medium">{mt('webhookEvents')}</legend>
        <div id={`${form}-events`} tabIndex={-1} className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="events" value={event} defaultChecked={chosen.has(event)} />
              {eventLabel(mt, event)} <code className="text-xs text-neutral-600 dark:text-neutral-400">{event}</code>
            </label>
          ))}
        </div>
        <FieldErrors name="events" />
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input id={`${form}-active`} type="checkbox" name="active" defaultChecked={webhook?.active ?? true} />
        {mt('webhookActive')}
      </label>
    </div>
  );
}
