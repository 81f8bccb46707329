import 'server-only';
import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb, type Database } from '@/db/client';
import { AuthError, authorize, requirePermission, requireUser, type CurrentUser, type Principal } from '../services/auth/session';
import { withAuditToken } from '@/db/queries/admin/audit';
import { invalidateTags } from '../services/cache-invalidation';
import { clientIp } from '../services/client-ip';
import { isConnectionError, noteDatabaseFailure } from '../services/db-health.mjs';
import { redactForLog } from '../domain/redact-log';
import type { Permission } from '../domain/permissions';
import { isTransientConflict, isUniqueViolation, retryTransientConflicts } from '../domain/db-errors';
import { ActionError, englishFieldErrors, fieldMessagesOf, type FieldMessages } from '../domain/errors';
import { englishMessage, type Message, type MessageCode } from '../domain/i18n/server-messages';

/**
 * A refusal. `reason` and `fieldMessages` are codes with parameters, which the screens translate
 * (domain/i18n/server-messages.ts); `error` and `fieldErrors` are the same in English.
 */
export type ActionFailure = {
  ok: false;
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  error: string;
  reason: Message;
  fieldErrors?: Record<string, string[]>;
  fieldMessages?: FieldMessages;
  details?: Record<string, unknown>;
};
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export interface ActionContext {
  user: CurrentUser;
  db: Database;
  ip: string;
  /** Cache tags to expire once the change is committed. */
  invalidate: (tags: string[]) => void;
  /** A DAL write's result: its tags expire once committed, the rest is the action's answer. */
  expire: <T extends { invalidate: string[] }>(result: T) => Omit<T, 'invalidate'>;
}

interface ActionConfig<S extends z.ZodType> {
  name: string;
  input: S;
  /** The permission the action needs; `null` means any signed-in staff member (checked in the DAL). */
  permission: Permission | null;
}

function failure(status: ActionFailure['status'], reason: Message, fieldMessages?: FieldMessages, details?: Record<string, unknown>): ActionFailure {
  return {
    ok: false,
    status,
    error: englishMessage(reason),
    reason,
    ...(fieldMessages ? { fieldErrors: englishFieldErrors(fieldMessages), fieldMessages } : {}),
    ...(details ? { details } : {}),
  };
}

const coded = (code: MessageCode): Message => ({ code });
const fieldsNeedAttention = (error: z.ZodError) => failure(422, coded('fieldsNeedAttention'), fieldMessagesOf(error));

/** Shapes an unexpected error into an answer; the details stay in the server log. */
export function failureOf(error: unknown, name: string): ActionFailure {
  if (error instanceof ActionError) return failure(error.status, error.reason, error.fieldMessages, error.details);
  if (error instanceof AuthError) return failure(error.status, coded(error.status === 401 ? 'pleaseSignIn' : 'noPermission'));
  if (error instanceof z.ZodError) return fieldsNeedAttention(error);
  if (isConnectionError(error)) {
    noteDatabaseFailure(error);
    return failure(503, coded('databaseDown'));
  }
  if (isUniqueViolation(error)) return failure(409, coded('duplicate'));
  if (isTransientConflict(error)) return failure(409, coded('transientConflict'));
  console.error(`[action ${name}]`, redactForLog(error));
  return failure(500, coded('somethingWrong'));
}

type Run<I, T> = (raw: I, principal?: Principal) => Promise<ActionResult<T>>;
const runners = new WeakMap<(raw: never) => Promise<unknown>, Run<never, unknown>>();

/**
 * Every Server Action goes through here: validate with zod → session → permission → DAL →
 * invalidate caches. Server Actions are public endpoints; none trusts the UI that calls it.
 */
export function defineAction<S extends z.ZodType, T>(config: ActionConfig<S>, handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>) {
  const run: Run<z.input<S>, T> = async (raw, principal) => {
    try {
      const parsed = config.input.safeParse(raw);
      if (!parsed.success) return fieldsNeedAttention(parsed.error);
      const user = principal ? authorize(principal.user, config.permission) : config.permission ? await requirePermission(config.permission) : await requireUser();
      const tags = new Set<string>();
      const ctx: ActionContext = {
        user,
        db: await getDb(),
        ip: principal?.ip ?? clientIp(await headers()),
        invalidate: (list) => list.forEach((t) => tags.add(t)),
        expire: ({ invalidate, ...rest }) => {
          invalidate.forEach((t) => tags.add(t));
          return rest;
        },
      };
      const data = await withAuditToken(principal?.tokenName, () => retryTransientConflicts(() => handler(parsed.data, ctx)));
      invalidateTags([...tags]);
      return { ok: true, data };
    } catch (error) {
      return failureOf(error, config.name);
    }
  };
  // The exported function takes the input alone: a principal passed by a Server Action's caller
  // would be a forged identity, so only server code reaches `run` with one (runAsPrincipal).
  const action = (raw: z.input<S>) => run(raw);
  runners.set(action, run as Run<never, unknown>);
  return action;
}

/** Runs an action as `principal` (an API token's user): the same input, permission, DAL and audit. */
export function runAsPrincipal<I, T>(action: (raw: I) => Promise<ActionResult<T>>, raw: I, principal: Principal): Promise<ActionResult<T>> {
  const run = runners.get(action as (raw: never) => Promise<unknown>) as Run<I, T> | undefined;
  if (!run) throw new Error('runAsPrincipal: not a defineAction action');
  return run(raw, principal);
}
