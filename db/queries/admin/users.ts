import 'server-only';
import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { users, type UserRole } from '../../schema';
import { hashPassword } from '../../../domain/auth/password';
import { ActionError } from '../../../domain/errors';
import { slugify, uniqueSlug } from '../../../domain/slug';

export interface StaffUserDTO {
  id: number;
  email: string;
  name: string;
  slug: string;
  role: UserRole;
  isOwner: boolean;
  disabled: boolean;
  canSignIn: boolean;
  uiLocale: 'zh-CN' | 'en' | null;
}

export const staffColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  slug: users.slug,
  role: users.role,
  isOwner: users.isOwner,
  disabledAt: users.disabledAt,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  uiLocale: users.uiLocale,
};

export type StaffRow = { disabledAt: Date | null; hasPassword: boolean } & Omit<StaffUserDTO, 'disabled' | 'canSignIn'>;

export function toStaff({ disabledAt, hasPassword, ...row }: StaffRow): StaffUserDTO {
  return { ...row, disabled: disabledAt !== null, canSignIn: Boolean(hasPassword) };
}

export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase();
}

/** For sign-in only: the one place the password hash leaves the database. */
export async function findCredentials(db: Database, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt, sessionVersion: users.sessionVersion, role: users.role, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return row ?? null;
}

export async function getPasswordHash(db: Database, userId: number): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

/** The session's user as the database sees it now; null if gone, disabled or the session is stale. */
export async function getSessionUser(db: Database, userId: number, sessionVersion: number): Promise<StaffUserDTO | null> {
  const [row] = await db
    .select(staffColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion), isNull(users.disabledAt), sql`${users.passwordHash} is not null`));
  return row ? toStaff(row) : null;
}

export async function countSignInUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(sql`${users.passwordHash} is not null`);
  return Number(row?.n ?? 0);
}

export async function listStaff(db: Database): Promise<StaffUserDTO[]> {
  const rows = await db.select(staffColumns).from(users).orderBy(asc(users.name));
  return rows.map(toStaff);
}

export async function getStaff(db: Database, id: number): Promise<StaffUserDTO | null> {
  const [row] = await db.select(staffColumns).from(users).where(eq(users.id, id));
  return row ? toStaff(row) : null;
}

export async function slugTakenByOtherUser(db: Database, slug: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(exceptId ? and(eq(users.slug, slug), ne(users.id, exceptId)) : eq(users.slug, slug));
  return Boolean(row);
}

export interface NewStaffUser {
  email: string;
  name: string;
  role: UserRole;
  /** null: no password yet (an invited colleague sets their own through a mailed link). */
  password: string | null;
  isOwner?: boolean;
}

/** Creates a staff account; the caller checks permissions. Email and slug must be free. */
export async function createStaffUser(db: Database, input: NewStaffUser): Promise<number> {
  const email = normalizeEmail(input.email);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) {
    throw new ActionError(409, { code: 'emailTaken' }, { email: [{ code: 'alreadyInUse' }] });
  }
  const slug = await uniqueSlug(slugify(input.name, 'staff'), (s) => slugTakenByOtherUser(db, s));
  const [row] = await db
    .insert(users)
    .values({ email, name: input.name, slug, role: input.role, isOwner: input.isOwner ?? false, passwordHash: input.password === null ? null : await hashPassword(input.password) })
    .returning({ id: users.id });
  return row!.id;
}

/** Sets a new password and ends every session of the account. */
export async function setPassword(db: Database, userId: number, password: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password), sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

/** Signs the account out everywhere: every issued session names an older version from now on. */
export async function endSessions(db: Database, userId: number): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() }).where(eq(users.id, userId));
}
