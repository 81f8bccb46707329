import 'server-only';
import { refresh } from 'next/cache';
import type { ActionContext, ActionResult } from '@/actions/define';
import { adminLocale } from '@/services/admin/locale';
import { getCurrentUser } from '@/services/auth/session';
import type { FormState } from '../domain/form-state';
import { manageT, type ManageKey } from '@/domain/i18n/admin-manage';
import type { TemplateParams } from '@/domain/i18n/template';
import { translateRefusal } from '@/domain/i18n/server-messages';

/** The acting staff member as the DAL wants it: who, with which role, from where (for the audit log). */
export function staffOf(ctx: ActionContext) {
  return { id: ctx.user.id, role: ctx.user.role, ip: ctx.ip };
}

/** A form field as a string; a missing field or a file is the empty string. */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Turns an action's answer into what the form shows, in the user's language. On success the
 * current page is rendered again, so lists and versions on it are fresh.
 */
export async function formState<T>(result: ActionResult<T>, success: ManageKey, params?: (data: T) => TemplateParams): Promise<FormState> {
  const locale = await adminLocale(await getCurrentUser());
  if (result.ok) {
    refresh();
    return { status: 'ok', message: manageT(locale)(success, params?.(result.data)), at: Date.now() };
  }
  return { status: 'error', ...translateRefusal(locale, result), at: Date.now() };
}
