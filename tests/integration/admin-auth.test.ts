import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import {
  ACCOUNT_DELAY_MAX_MS,
  ACCOUNT_SLOWDOWN_AFTER,
  attemptCounts,
  beginSignInAttempt,
  LOGIN_WINDOW_MINUTES,
  MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS,
  MAX_ATTEMPTS_PER_ADDRESS,
  pairSubject,
} from '@/db/queries/admin/login-attempts';
import { checkSignIn } from '@/db/queries/admin/sign-in';
import { createStaffUser, findCredentials, getSessionUser, normalizeEmail, setPassword } from '@/db/queries/admin/users';
import { auditLog, loginThrottle, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/domain/auth/password';
import { ActionError } from '@/domain/errors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { expectActionError } from './admin-helpers';

let tdb: TestDatabase;
let db: Database;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
});

afterAll(async () => {
  await tdb?.drop();
});

/** Unique accounts and addresses per test, so tests never share counters. */
let seq = 0;
const freshEmail = () => `rl-${++seq}@example.test`;
const freshIp = () => {
  seq += 1;
  return `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`;
};

const noSleep = { sleep: async () => {} };

async function account(password = 'the right password') {
  const email = freshEmail();
  const id = await createStaffUser(db, { email, name: `Limit user ${seq}`, role: 'author', password });
  return { id, email, password };
}

async function wrong(email: string, ip: string, times = 1) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await checkSignIn(db, email, `wrong password ${i}`, ip, noSleep));
  return results;
}

async function audit(action: string, email: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.summary, email)));
}

describe('sign-in limits (issue 10, item 2)', () => {
  it('uses the documented limits: 10 per account and address, 30 per address, slow-down past 10 per account, 15-minute windows', () => {
    expect([MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS, MAX_ATTEMPTS_PER_ADDRESS, ACCOUNT_SLOWDOWN_AFTER, LOGIN_WINDOW_MINUTES]).toEqual([10, 30, 10, 15]);
  });

  it('ten wrong passwords from one address refuse that address, while the right password from another address still signs in', async () => {
    const owner = await account();
    const attacker = freshIp();
    const results = await wrong(owner.email, attacker, 10);
    expect(results.map((r) => r.ok || r.reason)).toEqual(Array(10).fill('invalid'));
    // The 11th from the same address is refused before any check, even with the right password.
    expect(await checkSignIn(db, owner.email, owner.password, attacker, noSleep)).toMatchObject({ ok: false, reason: 'rate_limited' });
    // The owner, elsewhere, is not locked out.
    expect(await checkSignIn(db, owner.email, owner.password, freshIp(), noSleep)).toMatchObject({ ok: true, user: { id: owner.id } });
    // The attacker's address stays refused for this account after the owner's success.
    expect(await checkSignIn(db, owner.email, owner.password, attacker, noSleep)).toMatchObject({ ok: false, reason: 'rate_limited' });
  });

  it('30 attempts from one address over many accounts refuse that address for every account, not other addresses', async () => {
    const someone = await account();
    const ip = freshIp();
    for (let i = 0; i < 29; i++) await wrong(freshEmail(), ip);
    expect((await beginSignInAttempt(db, freshEmail(), ip)).allowed).toBe(true); // the 30th
    expect(await beginSignInAttempt(db, freshEmail(), ip)).toMatchObject({ allowed: false, refusedBy: 'address' });
    expect(await checkSignIn(db, someone.email, someone.password, ip, noSleep)).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await checkSignIn(db, someone.email, someone.password, freshIp(), noSleep)).toMatchObject({ ok: true });
  });

  it('many addresses guessing one account slow it down (1 s more per attempt past 10, at most 10 s) but never lock it', async () => {
    const target = await account();
    for (let i = 0; i < 10; i++) expect((await beginSignInAttempt(db, target.email, freshIp())).delayMs).toBe(0);
    expect((await beginSignInAttempt(db, target.email, freshIp())).delayMs).toBe(1_000);
    expect((await beginSignInAttempt(db, target.email, freshIp())).delayMs).toBe(2_000);
    for (let i = 0; i < 20; i++) await beginSignInAttempt(db, target.email, freshIp());
    const slept: number[] = [];
    const result = await checkSignIn(db, target.email, target.password, freshIp(), { sleep: async (ms) => slept.push(ms) });
    expect(result).toMatchObject({ ok: true });
    expect(slept).toEqual([ACCOUNT_DELAY_MAX_MS]);
    // The success ends the slow-down.
    expect((await beginSignInAttempt(db, target.email, freshIp())).delayMs).toBe(0);
  });

  it('refused attempts do not add to the account\'s slow-down', async () => {
    const owner = await account();
    const attacker = freshIp();
    await wrong(owner.email, attacker, 10);
    for (let i = 0; i < 20; i++) expect((await beginSignInAttempt(db, owner.email, attacker)).allowed).toBe(false);
    expect((await beginSignInAttempt(db, owner.email, freshIp())).delayMs).toBe(1_000);
  });

  it('a success clears its account-and-address count but gives back only its own attempt to the address', async () => {
    const me = await account();
    const ip = freshIp();
    await wrong(me.email, ip, 9);
    for (let i = 0; i < 5; i++) await wrong(freshEmail(), ip);
    expect(await checkSignIn(db, me.email, me.password, ip, noSleep)).toMatchObject({ ok: true });
    expect(await attemptCounts(db, 'pair', [pairSubject(me.email, ip)])).toEqual({ [pairSubject(me.email, ip)]: 0 });
    expect(await attemptCounts(db, 'address', [ip])).toEqual({ [ip]: 14 });
    // Nine more wrong ones for the same pair are allowed again.
    expect((await wrong(me.email, ip, 9)).every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
  });

  it('a window restarts 15 minutes after its first attempt', async () => {
    const email = freshEmail();
    const ip = freshIp();
    await wrong(email, ip, 11);
    expect((await beginSignInAttempt(db, email, ip)).allowed).toBe(false);
    await db
      .update(loginThrottle)
      .set({ windowStartedAt: sql`now() - interval '16 minutes'` })
      .where(and(eq(loginThrottle.scope, 'pair'), eq(loginThrottle.subject, pairSubject(email, ip))));
    expect(await beginSignInAttempt(db, email, ip)).toMatchObject({ allowed: true });
    expect(await attemptCounts(db, 'pair', [pairSubject(email, ip)])).toEqual({ [pairSubject(email, ip)]: 1 });
  });

  it('is atomic: 25 parallel wrong passwords for one account from one address get exactly 10 password checks', async () => {
    const target = await account();
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => checkSignIn(db, target.email, `parallel guess ${i}`, ip, noSleep)));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(15);
    expect(await audit('auth.sign-in-failed', target.email)).toHaveLength(10);
  });

  it('is atomic for the address limit too: 45 parallel attempts from one address over many accounts admit 30', async () => {
    const ip = freshIp();
    const verdicts = await Promise.all(Array.from({ length: 45 }, () => beginSignInAttempt(db, freshEmail(), ip)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(30);
    expect(verdicts.filter((v) => v.firstRefusal)).toHaveLength(1);
  });

  it('writes failed sign-ins, and the first refusal of a window, to the audit log, without the password', async () => {
    const target = await account();
    const ip = freshIp();
    await wrong(target.email, ip, 12);
    await checkSignIn(db, 'nobody-at-all@example.test', 'a guess', ip, noSleep);
    const failed = await audit('auth.sign-in-failed', target.email);
    expect(failed).toHaveLength(10);
    expect(failed[0]).toMatchObject({ actorId: null, entityType: 'user', entityId: String(target.id), ip, data: { reason: 'wrong password' } });
    const refused = await audit('auth.sign-in-refused', target.email);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ entityId: String(target.id), ip, data: { limit: 'pair' } });
    expect(await audit('auth.sign-in-failed', 'nobody-at-all@example.test')).toMatchObject([{ entityId: null, data: { reason: 'unknown account' } }]);
    expect(JSON.stringify(await db.select().from(auditLog))).not.toContain('wrong password 0');
  });

  it('a disabled account is refused with the right password, and the audit says why', async () => {
    const me = await account();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, me.id));
    expect(await checkSignIn(db, me.email, me.password, freshIp(), noSleep)).toEqual({ ok: false, reason: 'invalid' });
    expect(await audit('auth.sign-in-failed', me.email)).toMatchObject([{ data: { reason: 'account disabled' } }]);
  });

  it('keeps counts only: no password, no attempt log', async () => {
    await wrong(freshEmail(), freshIp());
    const [row] = await db.select().from(loginThrottle).limit(1);
    expect(Object.keys(row!).sort()).toEqual(['attempts', 'scope', 'subject', 'windowStartedAt']);
  });
});

describe('sessions follow the account', () => {
  async function account(role: 'contributor' | 'author' | 'editor' | 'admin' = 'author') {
    const email = `session-${++seq}@example.test`;
    const id = await createStaffUser(db, { email, name: `Session user ${seq}`, role, password: 'initial password' });
    return { id, email };
  }

  it('a session of the current version returns the user; another version returns null', async () => {
    const { id, email } = await account('editor');
    expect(await getSessionUser(db, id, 1)).toMatchObject({ id, email, role: 'editor', disabled: false, canSignIn: true });
    expect(await getSessionUser(db, id, 2)).toBeNull();
    expect(await getSessionUser(db, id + 10_000, 1)).toBeNull();
  });

  it('disabling the account ends its sessions at once, even with an unchanged session version', async () => {
    const { id } = await account();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
    expect(await getSessionUser(db, id, 1)).toBeNull();
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, id));
    expect(await getSessionUser(db, id, 1)).not.toBeNull();
  });

  it('setPassword bumps the session version: old sessions end, the new password works, the old one not', async () => {
    const { id, email } = await account();
    await setPassword(db, id, 'a brand new password');
    expect(await getSessionUser(db, id, 1)).toBeNull();
    expect(await getSessionUser(db, id, 2)).toMatchObject({ id });
    const credentials = await findCredentials(db, email);
    expect(credentials?.sessionVersion).toBe(2);
    expect(await verifyPassword(credentials!.passwordHash, 'a brand new password')).toBe(true);
    expect(await verifyPassword(credentials!.passwordHash, 'initial password')).toBe(false);
  });

  it('a role change is reflected at once by the same session', async () => {
    const { id } = await account('contributor');
    expect((await getSessionUser(db, id, 1))?.role).toBe('contributor');
    await db.update(users).set({ role: 'admin' }).where(eq(users.id, id));
    expect((await getSessionUser(db, id, 1))?.role).toBe('admin');
    await db.update(users).set({ role: 'author' }).where(eq(users.id, id));
    expect((await getSessionUser(db, id, 1))?.role).toBe('author');
  });

  it('an account without a password (a byline-only author) has no session', async () => {
    const [row] = await db.insert(users).values({ email: 'byline-only@example.test', name: 'Byline only', slug: 'byline-only', role: 'author' }).returning({ id: users.id });
    expect(await getSessionUser(db, row!.id, 1)).toBeNull();
  });
});

describe('email addresses', () => {
  it('normalizeEmail trims, applies NFKC and lower-cases', () => {
    expect(normalizeEmail('  Alice.Smith@Example.COM \t')).toBe('alice.smith@example.com');
    expect(normalizeEmail('ＡＬＩＣＥ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBe('alice@example.com');
    expect(normalizeEmail('bob@example.com')).toBe('bob@example.com');
  });

  it('accounts are stored and found by the normalised address, and a differently written duplicate is refused', async () => {
    const id = await createStaffUser(db, { email: '  Mixed.Case@Example.COM ', name: 'Mixed Case', role: 'author', password: 'whatever123' });
    const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, id));
    expect(row?.email).toBe('mixed.case@example.com');
    expect((await findCredentials(db, 'MIXED.CASE@example.com'))?.id).toBe(id);
    expect((await findCredentials(db, 'ｍｉｘｅｄ．ｃａｓｅ＠ｅｘａｍｐｌｅ．ｃｏｍ'))?.id).toBe(id);

    const usersBefore = (await db.select({ n: sql<number>`count(*)::int` }).from(users))[0]?.n;
    const error = await expectActionError(createStaffUser(db, { email: 'mixed.case@EXAMPLE.com', name: 'Impostor', role: 'admin', password: 'whatever123' }), 409);
    expect(error).toBeInstanceOf(ActionError);
    expect(error.fieldErrors?.email).toBeDefined();
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(users))[0]?.n).toBe(usersBefore);
  });
});

describe('passwords', () => {
  let hash: string;

  beforeAll(async () => {
    hash = await hashPassword('Correct Horse ');
  });

  it('are compared verbatim: trailing and leading spaces, case and Unicode form all matter', async () => {
    expect(await verifyPassword(hash, 'Correct Horse ')).toBe(true);
    expect(await verifyPassword(hash, 'Correct Horse')).toBe(false);
    expect(await verifyPassword(hash, ' Correct Horse ')).toBe(false);
    expect(await verifyPassword(hash, 'correct horse ')).toBe(false);

    const composed = await hashPassword('caf\u00E9 au lait');
    expect(await verifyPassword(composed, 'caf\u00E9 au lait')).toBe(true);
    expect(await verifyPassword(composed, 'cafe\u0301 au lait')).toBe(false);
  });

  it('a staff password with a trailing space works only with that space', async () => {
    const email = 'spacey@example.test';
    await createStaffUser(db, { email, name: 'Spacey', role: 'author', password: 'ends with space ' });
    const credentials = await findCredentials(db, email);
    expect(await verifyPassword(credentials!.passwordHash, 'ends with space ')).toBe(true);
    expect(await verifyPassword(credentials!.passwordHash, 'ends with space')).toBe(false);
  });

  it('are stored as argon2id hashes, never as given', async () => {
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain('Correct Horse');
    expect(await hashPassword('Correct Horse ')).not.toBe(hash); // salted
  });

  it('verifyPassword with no stored hash (unknown account) returns false, and a garbage hash returns false', async () => {
    expect(await verifyPassword(null, 'Correct Horse ')).toBe(false);
    expect(await verifyPassword(null, '')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'Correct Horse ')).toBe(false);
  });

  it('verifyPassword with no stored hash does comparable work to a real check (timing parity)', async () => {
    await verifyPassword(null, 'warm-up'); // the dummy hash is made once
    const timed = async (stored: string | null) => {
      const durations: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await verifyPassword(stored, 'a wrong password');
        durations.push(performance.now() - started);
      }
      return durations.sort((a, b) => a - b)[1]!;
    };
    const real = await timed(hash);
    const missing = await timed(null);
    // Without the dummy check an unknown account would answer in microseconds.
    expect(missing).toBeGreaterThan(real * 0.3);
  });
});
