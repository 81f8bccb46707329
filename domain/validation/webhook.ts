import { z } from './zod';
import { WEBHOOK_EVENTS } from '../webhooks/events';

export const WEBHOOK_URL_MAX = 2000;

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
};

/** Checkboxes post one value or several; the JSON API sends an array. */
const oneOrMany = (value: unknown) => (value === undefined || value === '' ? [] : typeof value === 'string' ? [value] : value);

/**
 * Where the address may point (a private network, say) is not judged here: that depends on DNS at
 * sending time, and the sender refuses it then, with the reason in the delivery log.
 */
export const webhookInput = z.object({
  url: z
    .string({ error: 'webhookUrlInvalid' })
    .trim()
    .max(WEBHOOK_URL_MAX, 'atMost')
    .refine(isHttpUrl, 'webhookUrlInvalid'),
  events: z.preprocess(oneOrMany, z.array(z.enum(WEBHOOK_EVENTS, { error: 'webhookEventsRequired' }), { error: 'webhookEventsRequired' }).min(1, 'webhookEventsRequired')).transform((events) => [...new Set(events)]),
  active: z.boolean().default(true),
});

export type WebhookInput = z.output<typeof webhookInput>;
