'use server';

import { z } from 'zod';
import { markAllRead } from '@/db/queries/admin/notifications';
import { defineAction } from '@/actions/define';
import { formState } from '@/actions/form-result';
import type { FormState } from '@/domain/form-state';

export const markNotificationsReadAction = defineAction({ name: 'notifications.read', input: z.object({}), permission: 'notification:read' }, async (_input, ctx) =>
  ctx.expire(await markAllRead(ctx.db, { id: ctx.user.id, role: ctx.user.role })),
);

export async function markNotificationsReadForm(): Promise<FormState> {
  return formState(await markNotificationsReadAction({}), 'notificationsRead');
}
