'use server';

import { after } from 'next/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createWebhook, deleteWebhook, regenerateWebhookSecret, resendDelivery, sendTestEvent, updateWebhook } from '@/db/queries/admin/webhooks';
import { runWebhookSender } from '@/services/webhooks/sender';
import { formState, staffOf, text } from '@/actions/form-result';
import { defineAction, type ActionContext } from '@/actions/define';
import type { FormState } from '@/domain/form-state';
import { id } from '@/domain/validation/text';
import { webhookInput } from '@/domain/validation/webhook';

/** A delivery the admin asked for goes out now rather than at the sender's next tick (the cron route on serverless hosts). */
function sendSoon(ctx: ActionContext) {
  after(() => runWebhookSender(ctx.db));
}

export const createWebhookAction = defineAction({ name: 'webhook.create', input: webhookInput, permission: 'webhook:manage' }, async (input, ctx) =>
  ctx.expire(await createWebhook(ctx.db, staffOf(ctx), input)),
);

export const updateWebhookAction = defineAction({ name: 'webhook.update', input: webhookInput.extend({ id }), permission: 'webhook:manage' }, async ({ id: hookId, ...values }, ctx) =>
  ctx.expire(await updateWebhook(ctx.db, staffOf(ctx), hookId, values)),
);

export const deleteWebhookAction = defineAction({ name: 'webhook.delete', input: z.object({ id }), permission: 'webhook:manage' }, async (input, ctx) =>
  ctx.expire(await deleteWebhook(ctx.db, staffOf(ctx), input.id)),
);

export const regenerateWebhookSecretAction = defineAction({ name: 'webhook.secret', input: z.object({ id }), permission: 'webhook:manage' }, async (input, ctx) =>
  ctx.expire(await regenerateWebhookSecret(ctx.db, staffOf(ctx), input.id)),
);

export const sendTestWebhookAction = defineAction({ name: 'webhook.test', input: z.object({ id }), permission: 'webhook:manage' }, async (input, ctx) => {
  const result = ctx.expire(await sendTestEvent(ctx.db, staffOf(ctx), input.id));
  sendSoon(ctx);
  return result;
});

export const resendDeliveryAction = defineAction({ name: 'webhook.resend', input: z.object({ id, deliveryId: id }), permission: 'webhook:manage' }, async (input, ctx) => {
  const result = ctx.expire(await resendDelivery(ctx.db, staffOf(ctx), input.id, input.deliveryId));
  sendSoon(ctx);
  return result;
});

/** A checkbox posts "on"; scripts and the JSON-minded may post "true". */
const checked = (form: FormData, name: string) => ['on', 'true', '1'].includes(text(form, name));

const webhookFields = (form: FormData) => ({
  url: text(form, 'url'),
  events: form.getAll('events').filter((v): v is string => typeof v === 'string') as z.input<typeof webhookInput>['events'],
  active: checked(form, 'active'),
});

/** The new webhook's screen shows its secret, which the receiver needs. */
export async function createWebhookForm(_state: FormState, form: FormData): Promise<FormState> {
  const result = await createWebhookAction(webhookFields(form));
  if (result.ok) redirect(`/admin/webhooks/${result.data.id}?created=1`);
  return formState(result, 'webhookCreated');
}

export async function updateWebhookForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await updateWebhookAction({ ...webhookFields(form), id: text(form, 'id') }), 'saved');
}

export async function deleteWebhookForm(_state: FormState, form: FormData): Promise<FormState> {
  const result = await deleteWebhookAction({ id: text(form, 'id') });
  if (result.ok && text(form, 'then') === 'list') redirect('/admin/webhooks?deleted=1');
  return formState(result, 'deleted');
}

export async function regenerateWebhookSecretForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await regenerateWebhookSecretAction({ id: text(form, 'id') }), 'webhookSecretRegenerated');
}

export async function sendTestWebhookForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await sendTestWebhookAction({ id: text(form, 'id') }), 'webhookTestQueued');
}

export async function resendDeliveryForm(_state: FormState, form: FormData): Promise<FormState> {
  return formState(await resendDeliveryAction({ id: text(form, 'id'), deliveryId: text(form, 'deliveryId') }), 'webhookResendQueued');
}
