import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { isLoginRateLimited, LOGIN_WINDOW_MINUTES, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, recordLoginAttempt } from '@/db/queries/newsroom/login-attempts';
import { createStaffUser, findCredentials, getSessionUser, normalizeEmail, setPassword } from '@/db/queries/newsroom/users';
import { loginAttempts, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { ActionError } from '@/lib/errors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { expectActionError } from './newsroom-helpers';

let tdb: TestDatabase;
let db: Database;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
});

afterAll(async () => {
  await tdb?.drop();
});

const MINUTE = 60_000;

/** Unique accounts and addresses per test, so tests never share counters. */
let seq = 0;
const freshEmail = () => `rl-${++seq}@example.test`;
const freshIp = () => {
  seq += 1;
  return `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`;
};

async function fail(email: string, ip: string, times = 1) {
  for (let i = 0; i < times; i++) await recordLoginAttempt(db, email, ip, false);
}

/** Attempts recorded as if they happened `minutesAgo` minutes ago. */
async function backdated(email: string, ip: string, succeeded: boolean, minutesAgo: number, times = 1) {
  const createdAt = new Date(Date.now() - minutesAgo * MINUTE);
  await db.insert(loginAttempts).values(Array.from({ length: times }, () => ({ email, ip, succeeded, createdAt })));
}

describe('sign-in rate limiting', () => {
  it('uses the documented limits: 10 failures per account and per IP within 15 minutes', () => {
    expect([MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, LOGIN_WINDOW_MINUTES]).toEqual([10, 10, 15]);
  });

  it('10 failures for one account (each from another IP) limit that account from any IP, not at 9', async () => {
    const victim = freshEmail();
    for (let i = 0; i < 9; i++) await fail(victim, freshIp());
    expect(await isLoginRateLimited(db, victim, freshIp())).toBe(false);
    await fail(victim, freshIp());
    expect(await isLoginRateLimited(db, victim, freshIp())).toBe(true);
    expect(await isLoginRateLimited(db, victim, freshIp())).toBe(true);
    // Another account is not affected.
    expect(await isLoginRateLimited(db, freshEmail(), freshIp())).toBe(false);
  });

  it('10 failures from one IP (each on another account) limit that IP for any account, not at 9', async () => {
    const ip = freshIp();
    for (let i = 0; i < 9; i++) await fail(freshEmail(), ip);
    expect(await isLoginRateLimited(db, freshEmail(), ip)).toBe(false);
    await fail(freshEmail(), ip);
    expect(await isLoginRateLimited(db, freshEmail(), ip)).toBe(true);
    // The same account from another address is fine.
    const someone = freshEmail();
    expect(await isLoginRateLimited(db, someone, ip)).toBe(true);
    expect(await isLoginRateLimited(db, someone, freshIp())).toBe(false);
  });

  it('a success resets the account count, wherever the failures came from', async () => {
    const email = freshEmail();
    for (let i = 0; i < 9; i++) await fail(email, freshIp());
    await recordLoginAttempt(db, email, freshIp(), true);
    // Failures count when strictly after the success; PGlite's clock has millisecond resolution.
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (let i = 0; i < 9; i++) await fail(email, freshIp());
    expect(await isLoginRateLimited(db, email, freshIp())).toBe(false);
    await fail(email, freshIp());
    expect(await isLoginRateLimited(db, email, freshIp())).toBe(true);
  });

  it('a success on one account does not reset the count of the IP it came from', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) await fail(freshEmail(), ip);
    const mine = freshEmail();
    await recordLoginAttempt(db, mine, ip, true);
    expect(await isLoginRateLimited(db, freshEmail(), ip)).toBe(true);
    expect(await isLoginRateLimited(db, mine, ip)).toBe(true);
  });

  it('failures older than 15 minutes do not count, for the account or for the IP', async () => {
    const email = freshEmail();
    const ip = freshIp();
    await backdated(email, ip, false, LOGIN_WINDOW_MINUTES + 1, 10);
    expect(await isLoginRateLimited(db, email, freshIp())).toBe(false);
    expect(await isLoginRateLimited(db, freshEmail(), ip)).toBe(false);
    // The same ten failures inside the window do count.
    const recentEmail = freshEmail();
    const recentIp = freshIp();
    await backdated(recentEmail, recentIp, false, LOGIN_WINDOW_MINUTES - 1, 10);
    expect(await isLoginRateLimited(db, recentEmail, freshIp())).toBe(true);
    expect(await isLoginRateLimited(db, freshEmail(), recentIp)).toBe(true);
  });

  it('old and recent failures add up only within the window', async () => {
    const email = freshEmail();
    await backdated(email, freshIp(), false, 20, 5);
    await backdated(email, freshIp(), false, 5, 9);
    expect(await isLoginRateLimited(db, email, freshIp())).toBe(false);
    await fail(email, freshIp());
    expect(await isLoginRateLimited(db, email, freshIp())).toBe(true);
  });

  it('only failures after the last success count; a success outside the window resets nothing', async () => {
    const reset = freshEmail();
    await backdated(reset, freshIp(), false, 10, 10);
    await backdated(reset, freshIp(), true, 5);
    expect(await isLoginRateLimited(db, reset, freshIp())).toBe(false);

    const stale = freshEmail();
    await backdated(stale, freshIp(), true, 30);
    await backdated(stale, freshIp(), false, 10, 10);
    expect(await isLoginRateLimited(db, stale, freshIp())).toBe(true);
  });

  it('records attempts without any password', async () => {
    const email = freshEmail();
    await recordLoginAttempt(db, email, '192.0.2.7', false);
    const rows = await db.select().from(loginAttempts).where(eq(loginAttempts.email, email));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['createdAt', 'email', 'id', 'ip', 'succeeded']);
    expect(rows[0]).toMatchObject({ ip: '192.0.2.7', succeeded: false });
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
