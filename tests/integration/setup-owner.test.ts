import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { setupOwner } from '@/db/queries/admin/setup';
import { countSignInUsers, findCredentials } from '@/db/queries/admin/users';
import { auditLog, users } from '@/db/schema';
import { MAX_SETUP_ATTEMPTS_PER_ADDRESS } from '@/db/queries/admin/login-attempts';
import { setupCodeFor, setupCodeMatches, setupCodeRequired } from '@/domain/auth/setup-code';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/** First-run setup in production needs the one-time code from the server's log (issue 10, item 4). */

const SECRET = 'a-test-auth-secret-that-is-long-enough-0123456789';
const CODE = setupCodeFor(SECRET);
const OWNER = { name: 'First Owner', email: 'first-owner@example.test', password: 'first owner password' };

let tdb: TestDatabase | undefined;
beforeEach(async () => {
  await tdb?.drop();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.drop();
});

const userCount = async () => (await tdb!.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n;

describe('the setup code', () => {
  it('is derived from AUTH_SECRET: the same on every server, another for another secret, 12 characters in groups of 4', () => {
    expect(CODE).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(setupCodeFor(SECRET)).toBe(CODE);
    expect(setupCodeFor(`${SECRET}x`)).not.toBe(CODE);
  });

  it('accepts what a person types (case, spaces, dashes) and nothing else', () => {
    expect(setupCodeMatches(SECRET, CODE)).toBe(true);
    expect(setupCodeMatches(SECRET, ` ${CODE.toLowerCase().replace(/-/g, ' ')} `)).toBe(true);
    expect(setupCodeMatches(SECRET, CODE.slice(0, -1))).toBe(false);
    expect(setupCodeMatches(SECRET, setupCodeFor('another secret entirely, also long'))).toBe(false);
    expect(setupCodeMatches(SECRET, '')).toBe(false);
  });

  it('is required in production only', () => {
    expect(setupCodeRequired('production')).toBe(true);
    expect(setupCodeRequired('development')).toBe(false);
    expect(setupCodeRequired('test')).toBe(false);
  });
});

describe('setupOwner with a required code', () => {
  const required = (ip = '198.51.100.1') => ({ ip, secret: SECRET });

  it('without a code or with a wrong one creates nobody, and a wrong code is audited', async () => {
    expect(await setupOwner(tdb!.db, OWNER, required())).toEqual({ ok: false, error: 'setupCodeRequired' });
    expect(await setupOwner(tdb!.db, { ...OWNER, setupCode: 'AAAA-BBBB-CCCC' }, required())).toEqual({ ok: false, error: 'setupCodeWrong' });
    expect(await userCount()).toBe(0);
    const audit = await tdb!.db.select().from(auditLog).where(eq(auditLog.action, 'auth.setup-code-wrong'));
    expect(audit).toMatchObject([{ actorId: null, ip: '198.51.100.1', summary: OWNER.email }]);
    expect(JSON.stringify(audit)).not.toContain(OWNER.password);
  });

  it('the right code creates the owner once; afterwards the form is closed, code or not', async () => {
    expect(await setupOwner(tdb!.db, { ...OWNER, setupCode: CODE.toLowerCase() }, required())).toMatchObject({ ok: true });
    expect(await findCredentials(tdb!.db, OWNER.email)).toMatchObject({ role: 'admin' });
    expect(await countSignInUsers(tdb!.db)).toBe(1);
    expect(await setupOwner(tdb!.db, { ...OWNER, email: 'second@example.test', setupCode: CODE }, required())).toEqual({ ok: false, error: 'alreadySetUp' });
    expect(await countSignInUsers(tdb!.db)).toBe(1);
  });

  it(`is rate-limited: after ${MAX_SETUP_ATTEMPTS_PER_ADDRESS} tries from one address even the right code is refused there, not elsewhere`, async () => {
    for (let i = 0; i < MAX_SETUP_ATTEMPTS_PER_ADDRESS; i++) {
      expect(await setupOwner(tdb!.db, { ...OWNER, setupCode: `WRONG-${i}` }, required('198.51.100.9'))).toEqual({ ok: false, error: 'setupCodeWrong' });
    }
    expect(await setupOwner(tdb!.db, { ...OWNER, setupCode: CODE }, required('198.51.100.9'))).toEqual({ ok: false, error: 'setupRateLimited' });
    expect(await userCount()).toBe(0);
    expect(await setupOwner(tdb!.db, { ...OWNER, setupCode: CODE }, required('198.51.100.10'))).toMatchObject({ ok: true });
  });

  it('parallel guesses cannot overtake the limit', async () => {
    const outcomes = await Promise.all(Array.from({ length: 25 }, (_, i) => setupOwner(tdb!.db, { ...OWNER, setupCode: `GUESS-${i}` }, required('198.51.100.20'))));
    expect(outcomes.filter((o) => !o.ok && o.error === 'setupCodeWrong')).toHaveLength(MAX_SETUP_ATTEMPTS_PER_ADDRESS);
    expect(outcomes.filter((o) => !o.ok && o.error === 'setupRateLimited')).toHaveLength(25 - MAX_SETUP_ATTEMPTS_PER_ADDRESS);
  });
});

describe('setupOwner without a code (development)', () => {
  it('creates the owner from the open form', async () => {
    expect(await setupOwner(tdb!.db, OWNER, { ip: '198.51.100.1', secret: null })).toMatchObject({ ok: true });
    expect(await countSignInUsers(tdb!.db)).toBe(1);
  });
});
