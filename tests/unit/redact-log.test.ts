import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { failureOf } from '@/actions/define';
import { logAuthError } from '@/services/auth/log';
import { redactForLog } from '@/domain/redact-log';

// actions/define reaches next-auth through the session helpers; only failureOf is under test here.
vi.mock('@/services/auth/session', () => ({ AuthError: class AuthError extends Error {}, requirePermission: vi.fn(), requireUser: vi.fn() }));

const EMAIL = 'victim.person@example.test';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

/** What postgres.js throws for a failed statement: the values ride along as properties. */
function postgresError(): Error {
  const error = new Error(`new row for relation "users" violates check constraint "users_email_check"`);
  Object.assign(error, { name: 'PostgresError', code: '23514', severity: 'ERROR', routine: 'ExecConstraints', detail: `Failing row contains (7, ${EMAIL}, ${HASH}).`, constraint_name: 'users_email_check' });
  Object.defineProperties(error, {
    query: { value: 'insert into "users" ("email", "password_hash") values ($1, $2)', enumerable: true },
    parameters: { value: [EMAIL, HASH], enumerable: true },
    args: { value: [EMAIL, HASH], enumerable: true },
  });
  return error;
}

function drizzleError(): Error {
  return new DrizzleQueryError('select "id" from "users" where "email" = $1 and "password_hash" = $2', [EMAIL, HASH], postgresError());
}

/** Everything a console call printed, as the terminal would show it (objects inspected deeply). */
async function printed(spy: ReturnType<typeof vi.spyOn>): Promise<string> {
  const { inspect } = await import('node:util');
  return spy.mock.calls.flat().map((v: unknown) => (typeof v === 'string' ? v : inspect(v, { depth: 10, showHidden: true }))).join('\n');
}

afterEach(() => vi.restoreAllMocks());

describe('redacted error logs (issue 10, item 16)', () => {
  it('redactForLog keeps the kind, code and frames of an error and drops values, emails and hashes', () => {
    const text = redactForLog(drizzleError());
    expect(text).toContain('DrizzleQueryError');
    expect(text).toContain('Caused by: PostgresError');
    expect(text).toContain('code=23514');
    expect(text).toContain('constraint_name=users_email_check');
    expect(text).toContain('Failing row contains (…)');
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain('$argon2id');
    expect(text).not.toContain('password_hash');
    expect(redactForLog(`lookup of ${EMAIL} failed`)).toBe('lookup of [email] failed');
    expect(redactForLog({ message: `no ${EMAIL}` })).not.toContain(EMAIL);
  });

  it('an action that fails unexpectedly logs the redacted error, not the query values', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const error of [drizzleError(), postgresError()]) {
      expect(failureOf(error, 'user.create')).toMatchObject({ ok: false, status: 500 });
    }
    expect(spy).toHaveBeenCalledTimes(2);
    const out = await printed(spy);
    expect(out).toContain('[action user.create]');
    expect(out).not.toContain(EMAIL);
    expect(out).not.toContain(HASH);
    expect(out).not.toContain('$argon2id');
  });

  it("next-auth's logger logs server errors redacted and stays quiet for wrong passwords", async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const wrapped = Object.assign(new Error('Read more at https://errors.authjs.dev#callbackrouteerror', { cause: drizzleError() }), { type: 'CallbackRouteError' });
    logAuthError(wrapped);
    logAuthError(Object.assign(new Error('CredentialsSignin'), { type: 'CredentialsSignin' }));
    expect(spy).toHaveBeenCalledTimes(1);
    const out = await printed(spy);
    expect(out).toContain('[auth]');
    expect(out).toContain('Caused by: DrizzleQueryError');
    expect(out).not.toContain(EMAIL);
    expect(out).not.toContain('$argon2id');
  });
});
