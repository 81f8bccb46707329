import 'server-only';
import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb, type Database } from '@/db/client';
import { AuthError, requirePermission, requireUser, type CurrentUser } from '../services/auth/session';
import { invalidateTags } from '../services/cache-invalidation';
import { clientIp } from '../services/client-ip';
import { isConnectionError, noteDatabaseFailure } from '../services/db-health.mjs';
import { isTransientConflict, pgErrorCode, retryTransientConflicts } from '../domain/db-errors';
import { ActionError } from '../domain/errors';
import { redactForLog } from '../domain/redact-log';
import type { Permission } from '../domain/permissions';

export type ActionFailure = {
  ok: false;
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  error: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
};
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export interface ActionContext {
  user: CurrentUser;
  db: Database;
  ip: string;
  /** Cache tags to expire once the change is committed. */
  invalidate: (tags: string[]) => void;
}

interface ActionConfig<S extends z.ZodType> {
  name: string;
  input: S;
  /** The permission the action needs; `null` means any signed-in staff member (checked in the DAL). */
  permission: Permission | null;
}

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    // Actions that wrap a form's values in `{ id, values }` still report errors per form field.
    const path = issue.path[0] === 'values' ? issue.path.slice(1) : issue.path;
    const key = path.length ? String(path[0]) : '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Shapes an unexpected error into an answer; the details stay in the server log. */
export function failureOf(error: unknown, name: string): ActionFailure {
  if (error instanceof ActionError) return { ok: false, status: error.status, error: error.message, fieldErrors: error.fieldErrors, details: error.details };
  if (error instanceof AuthError) return { ok: false, status: error.status, error: error.message };
  if (error instanceof z.ZodError) return { ok: false, status: 422, error: 'Some fields need attention.', fieldErrors: fieldErrorsOf(error) };
  if (isConnectionError(error)) {
    noteDatabaseFailure(error);
    return { ok: false, status: 503, error: 'The database is not answering. Nothing was saved; try again in a moment.' };
  }
  const code = pgErrorCode(error);
  if (code === '23505' || /duplicate key/.test(String((error as Error).message))) {
    return { ok: false, status: 409, error: 'This conflicts with an existing item (a name or slug is already taken).' };
  }
  if (isTransientConflict(error)) {
    return { ok: false, status: 409, error: 'Someone else was changing the same items at this moment. Nothing was saved; try again.' };
  }
  console.error(`[action ${name}]`, redactForLog(error));
  return { ok: false, status: 500, error: 'Something went wrong. Nothing was saved.' };
}

/**
 * Every Server Action goes through here: validate with zod → session → permission → DAL →
 * invalidate caches. Server Actions are public endpoints; none trusts the UI that calls it.
 */
export function defineAction<S extends z.ZodType, T>(config: ActionConfig<S>, handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const parsed = config.input.safeParse(raw);
      if (!parsed.success) return { ok: false, status: 422, error: 'Some fields need attention.', fieldErrors: fieldErrorsOf(parsed.error) };
      const user = config.permission ? await requirePermission(config.permission) : await requireUser();
      const tags = new Set<string>();
      const ctx: ActionContext = {
        user,
        db: await getDb(),
        ip: clientIp(await headers()),
        invalidate: (list) => list.forEach((t) => tags.add(t)),
      };
      const data = await retryTransientConflicts(() => handler(parsed.data, ctx));
      invalidateTags([...tags]);
      return { ok: true, data };
    } catch (error) {
      return failureOf(error, config.name);
    }
  };
}

