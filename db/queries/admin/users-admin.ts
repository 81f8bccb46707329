import { withTx } from '../../tx';
import 'server-only';
import { and, asc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleAuthors, users, type UserRole } from '../../schema';
import { hashPassword, verifyPassword } from '../../../domain/auth/password';
import { cacheTags } from '../../../domain/cache-tags';
import { ActionError, forbiddenError, notFoundError } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import type { InviteUserInput, ProfileInput } from '../../../domain/validation/user';
import { writeAudit } from './audit';
import { sendInvitation, voidPasswordLinks } from './password-links';
import { mailEnabled } from '../../../domain/env';
import { beginSignInAttempt, finishSignInAttempt } from './login-attempts';
import type { StaffActor } from './sections';
import { createStaffUser, getPasswordHash, normalizeEmail, staffColumns, toStaff, type StaffRow, type StaffUserDTO } from './users';


/** A row of the admin's user list: the staff member as everywhere, and when the account was made. */
export interface AdminUserRowDTO extends StaffUserDTO {
  createdAt: string;
}

export interface ProfileDTO {
  id: number;
  name: string;
  email: string;
  bio: string;
  uiLocale: 'zh-CN' | 'en' | null;
  emailNotifications: boolean;
}

const rowColumns = { ...staffColumns, createdAt: users.createdAt };

function toRow({ createdAt, ...row }: StaffRow & { createdAt: Date }): AdminUserRowDTO {
  return { ...toStaff(row), createdAt: createdAt.toISOString() };
}

export async function listUsersForAdmin(db: Database): Promise<AdminUserRowDTO[]> {
  const rows = await db.select(rowColumns).from(users).orderBy(asc(users.name), asc(users.id));
  return rows.map(toRow);
}

export async function getUserForAdmin(db: Database, id: number): Promise<AdminUserRowDTO | null> {
  const [row] = await db.select(rowColumns).from(users).where(eq(users.id, id));
  return row ? toRow(row) : null;
}

export async function getOwnProfile(db: Database, userId: number): Promise<ProfileDTO | null> {
  const [row] = await db.select({ id: users.id, name: users.name, email: users.email, bio: users.bio, uiLocale: users.uiLocale, emailNotifications: users.emailNotifications }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Managing colleagues (user:manage).

function requireManager(actor: StaffActor): void {
  if (!can(actor.role, 'user:manage')) throw forbiddenError();
}

async function loadForUpdate(tx: Database, id: number) {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, isOwner: users.isOwner, disabledAt: users.disabledAt, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, id))
    .for('update');
  if (!row) throw notFoundError('This user');
  return row;
}

const activeAdmin = and(eq(users.role, 'admin'), isNull(users.disabledAt), isNotNull(users.passwordHash));

/**
 * Taken before any other row lock of a role or access change, always in id order: two admins
 * demoting each other at the same moment then queue up instead of deadlocking, and the second
 * sees the first's change when it counts.
 */
async function lockAdmins(tx: Database): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).orderBy(asc(users.id)).for('update');
}

/** Refuses a change that would leave no administrator able to sign in (call after `lockAdmins`). */
async function assertAnotherAdminRemains(tx: Database, target: { id: number; role: UserRole; disabledAt: Date | null; hasPassword: boolean }): Promise<void> {
  if (target.role !== 'admin' || target.disabledAt || !target.hasPassword) return;
  const others = await tx.select({ id: users.id }).from(users).where(and(activeAdmin, ne(users.id, target.id)));
  if (!others.length) throw new ActionError(409, { code: 'lastAdmin' });
}

export async function inviteUser(db: Database, actor: StaffActor, input: InviteUserInput): Promise<{ id: number; invited: boolean }> {
  requireManager(actor);
  return withTx(db, async (t) => {
    // No password: the colleague sets their own through a mailed link, which needs mail.
    if (!input.password && !mailEnabled()) throw ActionError.onField(422, 'password', { code: 'passwordTooShort' });
    const id = await createStaffUser(t, { email: input.email, name: input.name, role: input.role, password: input.password || null });
    const invited = !input.password;
    if (invited) await sendInvitation(t, await inviterOf(t, actor), { id, email: normalizeEmail(input.email), name: input.name, role: input.role, uiLocale: null });
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'user.create', entityType: 'user', entityId: id, summary: input.email, data: { role: input.role, invited } });
    return { id, invited };
  });
}

const inviterOf = async (tx: Database, actor: StaffActor) => {
  const [me] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, actor.id));
  return me ?? { id: actor.id, name: '' };
};

/**
 * Mails a colleague who cannot sign in yet (no password) a new invitation; the earlier link stops
 * working. One who has a password resets it from the sign-in page instead; a disabled one gets nothing.
 */
export async function resendInvitation(db: Database, actor: StaffActor, id: number): Promise<{ id: number }> {
  requireManager(actor);
  if (!mailEnabled()) throw new ActionError(422, { code: 'mailNotConfigured' });
  return withTx(db, async (t) => {
    const target = await loadForUpdate(t, id);
    if (target.disabledAt || target.hasPassword) throw new ActionError(409, { code: 'invitationNotNeeded' });
    const [full] = await t.select({ uiLocale: users.uiLocale }).from(users).where(eq(users.id, id));
    await sendInvitation(t, await inviterOf(t, actor), { ...target, uiLocale: full?.uiLocale ?? null });
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'user.invitation', entityType: 'user', entityId: id, summary: target.email });
    return { id };
  });
}

/**
 * Corrects a colleague's name (shown on their author page and bylines) and sign-in email. The
 * owner's details are the owner's own; another administrator's email only the owner changes, as
 * whoever controls an admin's email may one day reset that admin's password by mail.
 */
export async function updateUserDetails(db: Database, actor: StaffActor, id: number, input: { name: string; email: string }): Promise<{ id: number; invalidate: string[] }> {
  requireManager(actor);
  return withTx(db, async (t) => {
    const target = await loadForUpdate(t, id);
    const email = normalizeEmail(input.email);
    const [me] = await t.select({ isOwner: users.isOwner }).from(users).where(eq(users.id, actor.id));
    if (target.isOwner && target.id !== actor.id) throw new ActionError(403, { code: 'ownerProtected' });
    if (email !== target.email && target.role === 'admin' && target.id !== actor.id && !me?.isOwner) throw ActionError.onField(403, 'email', { code: 'adminEmailOwnerOnly' });
    if (email !== target.email) {
      const [taken] = await t.select({ id: users.id }).from(users).where(and(eq(users.email, email), ne(users.id, id)));
      if (taken) throw ActionError.onField(409, 'email', { code: 'emailTaken' });
    }
    if (email === target.email && input.name === target.name) return { id, invalidate: [] };
    const [row] = await t.update(users).set({ name: input.name, email, updatedAt: new Date() }).where(eq(users.id, id)).returning({ slug: users.slug });
    if (email !== target.email) await voidPasswordLinks(t, id);
    const data = { name: input.name !== target.name ? { from: target.name, to: input.name } : undefined, email: email !== target.email ? { from: target.email, to: email } : undefined };
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'user.details', entityType: 'user', entityId: id, summary: email, data });
    return { id, invalidate: input.name !== target.name ? await authorReaderTags(t, id, row!.slug) : [] };
  });
}

/** A new role takes effect on the user's next request: their sessions end and they sign in again. */
export async function changeUserRole(db: Database, actor: StaffActor, id: number, role: UserRole): Promise<{ id: number; role: UserRole }> {
  requireManager(actor);
  return withTx(db, async (t) => {
    await lockAdmins(t);
    const target = await loadForUpdate(t, id);
    if (target.role === role) return { id, role };
    if (target.isOwner) throw new ActionError(403, { code: 'ownerProtected' });
    await assertAnotherAdminRemains(t, target);
    await t.update(users).set({ role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() }).where(eq(users.id, id));
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'user.role', entityType: 'user', entityId: id, summary: `${target.email}: ${target.role} → ${role}`, data: { from: target.role, to: role } });
    return { id, role };
  });
}

/** Disabling ends every session at once; enabling lets the person sign in again with their password. */
export async function setUserDisabled(db: Database, actor: StaffActor, id: number, disabled: boolean): Promise<{ id: number; disabled: boolean }> {
  requireManager(actor);
  return withTx(db, async (t) => {
    await lockAdmins(t);
    const target = await loadForUpdate(t, id);
    if (Boolean(target.disabledAt) === disabled) return { id, disabled };
    if (disabled) {
      if (target.isOwner) throw new ActionError(403, { code: 'ownerProtected' });
      await assertAnotherAdminRemains(t, target);
    }
    await t
      .update(users)
      .set(disabled ? { disabledAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() } : { disabledAt: null, updatedAt: new Date() })
      .where(eq(users.id, id));
    if (disabled) await voidPasswordLinks(t, id);
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: id, summary: target.email });
    return { id, disabled };
  });
}

/**
 * Sets a password chosen by an admin (to be changed by its owner) and ends the user's sessions.
 * An administrator's password (one's own included) is a way into every account: unless the actor
 * is the owner, it takes the actor's own current password, checked under the sign-in limits, so a
 * borrowed or stolen admin session cannot take over another admin (issue 10, item 11).
 */
export async function resetUserPassword(db: Database, actor: StaffActor, id: number, password: string, currentPassword?: string): Promise<{ id: number }> {
  requireManager(actor);
  const needsReauth = async (tx: Database) => {
    const [me] = await tx.select({ isOwner: users.isOwner }).from(users).where(eq(users.id, actor.id));
    const [target] = await tx.select({ role: users.role, isOwner: users.isOwner }).from(users).where(eq(users.id, id));
    if (!target) throw notFoundError('This user');
    // Otherwise any admin could take over the owner's account.
    if (target.isOwner && id !== actor.id) throw new ActionError(403, { code: 'ownerPasswordProtected' });
    return target.role === 'admin' && !me?.isOwner;
  };
  // Checked before the transaction too: the slow password check holds no row lock.
  let confirmed = false;
  if (await needsReauth(db)) {
    if (!currentPassword) throw ActionError.onField(422, 'currentPassword', { code: 'reauthRequired' });
    await confirmOwnPassword(db, actor, currentPassword, 'currentPassword');
    confirmed = true;
  }
  const passwordHash = await hashPassword(password);
  return withTx(db, async (t) => {
    const target = await loadForUpdate(t, id);
    // Made an admin in the meantime: the confirmation is needed after all.
    const stillNeeded = await needsReauth(t);
    if (stillNeeded && !confirmed) throw ActionError.onField(422, 'currentPassword', { code: 'reauthRequired' });
    await t.update(users).set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() }).where(eq(users.id, id));
    await voidPasswordLinks(t, id);
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'user.reset-password', entityType: 'user', entityId: id, summary: target.email, data: { reauthenticated: confirmed } });
    return { id };
  });
}

// ---------------------------------------------------------------------------------------------
// One's own account (any signed-in staff member).

/** The public author page and every story crediting the person show the name and bio. */
async function authorReaderTags(tx: Database, userId: number, slug: string): Promise<string[]> {
  const rows = await tx.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.userId, userId));
  return [cacheTags.author(userId), `author-slug:${slug}`, 'authors', cacheTags.feeds, ...rows.map((r) => cacheTags.article(r.id))];
}

/** Whether what rings one's bell is mailed too. */
export async function setOwnEmailNotifications(db: Database, actor: StaffActor, on: boolean): Promise<void> {
  await withTx(db, async (t) => {
    await t.update(users).set({ emailNotifications: on, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'user.email-notifications', entityType: 'user', entityId: actor.id, summary: on ? 'on' : 'off' });
  });
}

/** The display name changes; the author page's address (slug) stays, so links keep working. */
export async function updateOwnProfile(db: Database, actor: StaffActor, input: ProfileInput): Promise<{ invalidate: string[] }> {
  return withTx(db, async (t) => {
    const [row] = await t
      .update(users)
      .set({ name: input.name, bio: input.bio, updatedAt: new Date() })
      .where(eq(users.id, actor.id))
      .returning({ slug: users.slug });
    if (!row) throw notFoundError('This account');
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'user.profile', entityType: 'user', entityId: actor.id, summary: input.name });
    return { invalidate: await authorReaderTags(t, actor.id, row.slug) };
  });
}

export async function setOwnUiLocale(db: Database, actor: StaffActor, uiLocale: 'zh-CN' | 'en' | null): Promise<void> {
  await withTx(db, async (t) => {
    await t.update(users).set({ uiLocale, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'user.ui-locale', entityType: 'user', entityId: actor.id, summary: uiLocale ?? 'site' });
  });
}

/**
 * Checks the current password (rate-limited like the sign-in form), sets the new one and ends
 * every session; the caller signs the current browser in again. Returns the email to sign in with.
 */
export async function changeOwnPassword(db: Database, actor: StaffActor, currentPassword: string, newPassword: string): Promise<{ email: string }> {
  const { email } = await confirmOwnPassword(db, actor, currentPassword, 'currentPassword');
  const passwordHash = await hashPassword(newPassword);
  await withTx(db, async (t) => {
    await t.update(users).set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await voidPasswordLinks(t, actor.id);
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'user.change-password', entityType: 'user', entityId: actor.id, summary: email });
  });
  return { email };
}

/**
 * Re-authentication: the acting user's own password, counted under the sign-in limits (a stolen
 * session must not become a way to guess it). Wrong → 422 on `field`, too many tries → 429.
 */
async function confirmOwnPassword(db: Database, actor: StaffActor, password: string, field: string): Promise<{ email: string }> {
  const [account] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.id));
  if (!account) throw notFoundError('This account');
  const ip = actor.ip ?? 'unknown';
  const verdict = await beginSignInAttempt(db, account.email, ip);
  if (!verdict.allowed) throw new ActionError(429, { code: 'tooManyAttempts' });
  const valid = await verifyPassword(await getPasswordHash(db, actor.id), password);
  await finishSignInAttempt(db, account.email, ip, valid);
  if (!valid) {
    await writeAudit(db, { actorId: actor.id, ip: actor.ip, action: 'auth.reauth-failed', entityType: 'user', entityId: actor.id, summary: account.email });
    throw ActionError.onField(422, field, { code: 'wrongCurrentPassword' });
  }
  return account;
}

/** For the audit log's filter. */
export async function listUserChoices(db: Database): Promise<{ id: number; name: string }[]> {
  return db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name), asc(users.id));
}
