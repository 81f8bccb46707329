import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  changeOwnPassword,
  changeUserRole,
  getOwnProfile,
  inviteUser,
  listUsersForAdmin,
  resetUserPassword,
  setOwnUiLocale,
  setUserDisabled,
  updateOwnProfile,
  updateUserDetails,
} from '@/db/queries/admin/users-admin';
import { createStaffUser, findCredentials, getSessionUser } from '@/db/queries/admin/users';
import { users, type UserRole } from '@/db/schema';
import { verifyPassword } from '@/domain/auth/password';
import type { ActionError } from '@/domain/errors';
import { inviteUserInput } from '@/domain/validation/user';
import { createTestDatabase } from '../helpers/db';
import { expectActionError } from '../fixtures/action-errors';
import { databaseState, rows, testFileDatabase } from '../fixtures/database';
import { staffAccount } from '../fixtures/staff';

const { db, staff } = await testFileDatabase({ staffPrefix: 'users', demo: true });
const owner = { id: await createStaffUser(db, { email: 'owner@example.com', name: 'Owner', role: 'admin', password: 'owner-password', isOwner: true }), role: 'admin' as const };
const editorAccount = staffAccount('users', 'editor');
const contributorAccount = staffAccount('users', 'contributor');

/** Everything a user change could touch. */
const state = () => databaseState(db, 'users', 'audit');

async function account(id: number) {
  const [row] = await db.select({ role: users.role, disabledAt: users.disabledAt, sessionVersion: users.sessionVersion, passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row!;
}

const newUser = (email: string, role: UserRole = 'author') => inviteUserInput.parse({ email, name: email.split('@')[0], role, password: '  spaces kept  ' });

describe('permissions', () => {
  it.each(['contributor', 'author', 'editor'] as const)('a %s gets 403 for every user change and nothing is written', async (role) => {
    const before = await state();
    const target = staff.contributor.id;
    await expectActionError(inviteUser(db, staff[role], newUser(`x-${role}@example.com`)), 403);
    await expectActionError(changeUserRole(db, staff[role], target, 'admin'), 403);
    await expectActionError(setUserDisabled(db, staff[role], target, true), 403);
    await expectActionError(resetUserPassword(db, staff[role], target, 'new-password-1'), 403);
    await expectActionError(updateUserDetails(db, staff[role], target, { name: 'Hijacked', email: 'hijacked@example.com' }), 403);
    expect(await state()).toEqual(before);
  });

  it('an admin invites a user whose password works verbatim', async () => {
    const { id } = await inviteUser(db, staff.admin, newUser('New.Person@Example.com'));
    const credentials = await findCredentials(db, 'new.person@example.com');
    expect(credentials?.id).toBe(id);
    expect(await verifyPassword(credentials!.passwordHash, '  spaces kept  ')).toBe(true);
    expect(await verifyPassword(credentials!.passwordHash, 'spaces kept')).toBe(false);
    expect((await listUsersForAdmin(db)).find((u) => u.id === id)).toMatchObject({ role: 'author', disabled: false, canSignIn: true, isOwner: false });
  });

  it('refuses a second account with the same email, whatever its case (409)', async () => {
    const before = await state();
    const error = await expectActionError(inviteUser(db, staff.admin, newUser(editorAccount.email.toUpperCase())), 409);
    expect(error.fieldErrors?.email).toBeTruthy();
    expect(await state()).toEqual(before);
  });
});

describe("a colleague's name and email", () => {
  it('an admin corrects both; the new email signs in, the author pages expire, and the change is audited', async () => {
    const { id } = await inviteUser(db, staff.admin, newUser('typo@exmaple.com'));
    const result = await updateUserDetails(db, staff.admin, id, { name: '王小明', email: 'Wang.Xiaoming@Example.com' });
    expect(result.invalidate).toEqual(expect.arrayContaining([`author:${id}`]));
    expect((await findCredentials(db, 'wang.xiaoming@example.com'))?.id).toBe(id);
    expect(await findCredentials(db, 'typo@exmaple.com')).toBeFalsy();
    expect((await listUsersForAdmin(db)).find((u) => u.id === id)?.name).toBe('王小明');
    const [audit] = await rows<{ action: string }>(db, sql`select action from audit_log where entity_type = 'user' and entity_id = ${String(id)} order by id desc limit 1`);
    expect(audit?.action).toBe('user.details');
  });

  it("refuses a taken email (409), the owner's details to anyone else and another admin's email to a non-owner (403), writing nothing", async () => {
    const before = await state();
    const taken = await expectActionError(updateUserDetails(db, staff.admin, staff.contributor.id, { name: 'C', email: editorAccount.email.toUpperCase() }), 409);
    expect(taken.fieldErrors?.email).toBeTruthy();
    await expectActionError(updateUserDetails(db, staff.admin, owner.id, { name: 'Not the owner', email: 'owner@example.com' }), 403);
    expect(await state()).toEqual(before);
    const { id: otherAdmin } = await inviteUser(db, owner, newUser('second-admin@example.com', 'admin'));
    const mid = await state();
    await expectActionError(updateUserDetails(db, staff.admin, otherAdmin, { name: 'second-admin', email: 'mine-now@example.com' }), 403);
    expect(await state()).toEqual(mid);
    // The owner may; and anyone may rename another admin without touching the email.
    await updateUserDetails(db, staff.admin, otherAdmin, { name: 'Second Admin', email: 'second-admin@example.com' });
    await updateUserDetails(db, owner, otherAdmin, { name: 'Second Admin', email: 'second.admin@example.com' });
    expect((await findCredentials(db, 'second.admin@example.com'))?.id).toBe(otherAdmin);
  });
});

describe('changes that end sessions', () => {
  it('a role change bumps sessionVersion, so the old session stops working on the next request', async () => {
    const { id } = await inviteUser(db, staff.admin, newUser('role@example.com', 'contributor'));
    const before = await account(id);
    expect(await getSessionUser(db, id, before.sessionVersion)).not.toBeNull();
    await changeUserRole(db, staff.admin, id, 'editor');
    const after = await account(id);
    expect(after).toMatchObject({ role: 'editor', sessionVersion: before.sessionVersion + 1 });
    expect(await getSessionUser(db, id, before.sessionVersion)).toBeNull();
    // The same role again is no change at all.
    await changeUserRole(db, staff.admin, id, 'editor');
    expect((await account(id)).sessionVersion).toBe(after.sessionVersion);
  });

  it('disable ends sessions; enable lets the user back in without another bump', async () => {
    const { id } = await inviteUser(db, staff.admin, newUser('disable@example.com'));
    const before = await account(id);
    await setUserDisabled(db, staff.admin, id, true);
    const disabled = await account(id);
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.sessionVersion).toBe(before.sessionVersion + 1);
    await setUserDisabled(db, staff.admin, id, false);
    const enabled = await account(id);
    expect(enabled).toMatchObject({ disabledAt: null, sessionVersion: disabled.sessionVersion });
    expect(await getSessionUser(db, id, enabled.sessionVersion)).not.toBeNull();
  });

  it('a password reset ends sessions and the new password works', async () => {
    const { id } = await inviteUser(db, staff.admin, newUser('reset@example.com'));
    const before = await account(id);
    await resetUserPassword(db, staff.admin, id, 'brand-new-password');
    const after = await account(id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, 'brand-new-password')).toBe(true);
    const [audit] = await rows<{ action: string; data: unknown; summary: string }>(db, sql`select action, data, summary from audit_log order by id desc limit 1`);
    expect(audit).toMatchObject({ action: 'user.reset-password' });
    expect(JSON.stringify(audit)).not.toContain('brand-new-password');
  });
});

describe('owner and last-admin protections', () => {
  it('nobody can demote or disable the owner, not even the owner; other admins cannot reset their password', async () => {
    const before = await state();
    for (const actor of [staff.admin, owner]) {
      await expectActionError(changeUserRole(db, actor, owner.id, 'editor'), 403);
      await expectActionError(setUserDisabled(db, actor, owner.id, true), 403);
    }
    await expectActionError(resetUserPassword(db, staff.admin, owner.id, 'taken-over-123'), 403);
    expect(await state()).toEqual(before);
  });

  it('refuses to leave the site without an active administrator (409)', async () => {
    // A site without an owner row: the last admin must not lock everyone out.
    const solo = await createTestDatabase();
    try {
      const only = { id: await createStaffUser(solo.db, { email: 'only@example.com', name: 'Only', role: 'admin', password: 'password-123' }), role: 'admin' as const };
      const snapshot = () => databaseState(solo.db, 'users');
      const before = await snapshot();
      await expectActionError(changeUserRole(solo.db, only, only.id, 'editor'), 409);
      await expectActionError(setUserDisabled(solo.db, only, only.id, true), 409);
      expect(await snapshot()).toEqual(before);
      // Two admins demoting each other at the same moment: one must stay.
      const second = { id: await createStaffUser(solo.db, { email: 'second@example.com', name: 'Second', role: 'admin', password: 'password-123' }), role: 'admin' as const };
      const outcomes = await Promise.allSettled([changeUserRole(solo.db, only, second.id, 'editor'), changeUserRole(solo.db, second, only.id, 'editor')]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect((refused.reason as ActionError).status).toBe(409);
      const [admins] = await rows<{ n: number }>(solo.db, sql`select count(*)::int as n from users where role = 'admin'`);
      expect(admins!.n).toBe(1);
    } finally {
      await solo.drop();
    }
  });

  it('an admin may step down while another admin remains', async () => {
    const { id } = await inviteUser(db, staff.admin, newUser('stepdown@example.com', 'admin'));
    await changeUserRole(db, { id, role: 'admin' }, id, 'editor');
    expect((await account(id)).role).toBe('editor');
  });
});

describe('own account', () => {
  it('a wrong current password is refused (422) and changes nothing', async () => {
    const before = await state();
    const error = await expectActionError(changeOwnPassword(db, { ...staff.contributor, ip: '203.0.113.5' }, 'not-my-password', 'another-password'), 422);
    expect(error.fieldErrors?.currentPassword).toBeTruthy();
    const after = await state();
    expect(after.users).toEqual(before.users);
  });

  it('the right one sets the new password and ends the other sessions', async () => {
    const before = await account(staff.contributor.id);
    const result = await changeOwnPassword(db, { ...staff.contributor, ip: '203.0.113.5' }, contributorAccount.password, 'another-password');
    expect(result.email).toBe(contributorAccount.email);
    const after = await account(staff.contributor.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, 'another-password')).toBe(true);
  });

  it('anyone edits their own name, bio and language; author pages and their articles are invalidated', async () => {
    const [author] = await rows<{ id: number; slug: string }>(db, sql`select u.id, u.slug from users u join article_authors aa on aa.user_id = u.id limit 1`);
    const me = { id: author!.id, role: 'author' as const };
    const result = await updateOwnProfile(db, me, { name: '新名字', bio: '简介' });
    expect(result.invalidate).toEqual(expect.arrayContaining([`author:${me.id}`, `author-slug:${author!.slug}`, 'feeds']));
    expect(result.invalidate.some((t) => t.startsWith('article:'))).toBe(true);
    await setOwnUiLocale(db, me, 'en');
    expect(await getOwnProfile(db, me.id)).toMatchObject({ name: '新名字', bio: '简介', uiLocale: 'en' });
    await setOwnUiLocale(db, me, null);
    expect((await getOwnProfile(db, me.id))?.uiLocale).toBeNull();
    const [slug] = await rows<{ slug: string }>(db, sql`select slug from users where id = ${me.id}`);
    expect(slug!.slug).toBe(author!.slug);
  });
});

describe("resetting an administrator's password needs the actor's own password (issue 10, item 11)", () => {
  let n = 0;
  async function admin(password = 'admin own password') {
    const email = `reauth-admin-${++n}@example.com`;
    const id = await createStaffUser(db, { email, name: `Reauth admin ${n}`, role: 'admin', password });
    return { id, role: 'admin' as const, ip: `192.0.2.${n}`, email, password };
  }

  it('a non-owner admin is refused (422, nothing changes) without their current password or with a wrong one, for another admin and for themselves', async () => {
    const actor = await admin();
    const other = await admin();
    for (const target of [other.id, actor.id]) {
      const before = await state();
      const missing = await expectActionError(resetUserPassword(db, actor, target, 'taken over 12345'), 422);
      expect(missing.fieldErrors?.currentPassword).toBeDefined();
      expect(await state()).toEqual(before);
      const wrong = await expectActionError(resetUserPassword(db, actor, target, 'taken over 12345', 'not my password'), 422);
      expect(wrong.fieldErrors?.currentPassword).toBeDefined();
      expect((await state()).users).toEqual(before.users);
      expect(await verifyPassword((await account(target)).passwordHash, 'taken over 12345')).toBe(false);
    }
    const [audit] = await rows<{ action: string; actor_id: number }>(db, sql`select action, actor_id from audit_log order by id desc limit 1`);
    expect(audit).toMatchObject({ action: 'auth.reauth-failed', actor_id: actor.id });
  });

  it('with the right current password the reset goes through and ends the sessions', async () => {
    const actor = await admin();
    const other = await admin();
    const before = await account(other.id);
    await resetUserPassword(db, actor, other.id, 'new admin password', actor.password);
    const after = await account(other.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, 'new admin password')).toBe(true);
    await resetUserPassword(db, actor, actor.id, 'my own new password', actor.password);
    expect(await verifyPassword((await account(actor.id)).passwordHash, 'my own new password')).toBe(true);
  });

  it("the owner resets an admin's password without it, and any admin resets a non-admin's without it", async () => {
    const other = await admin();
    await resetUserPassword(db, owner, other.id, 'set by the owner');
    expect(await verifyPassword((await account(other.id)).passwordHash, 'set by the owner')).toBe(true);
    const actor = await admin();
    const { id } = await inviteUser(db, actor, newUser(`reauth-author-${n}@example.com`));
    await resetUserPassword(db, actor, id, 'set by an admin');
    expect(await verifyPassword((await account(id)).passwordHash, 'set by an admin')).toBe(true);
  });

  it('wrong current passwords count under the sign-in limits: the 11th try is refused with 429 even when right', async () => {
    const actor = await admin();
    const other = await admin();
    for (let i = 0; i < 10; i++) await expectActionError(resetUserPassword(db, actor, other.id, 'taken over 12345', `guess ${i}`), 422);
    await expectActionError(resetUserPassword(db, actor, other.id, 'taken over 12345', actor.password), 429);
    expect(await verifyPassword((await account(other.id)).passwordHash, other.password)).toBe(true);
  });
});
