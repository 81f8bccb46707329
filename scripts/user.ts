// `npm run user -- <create|reset-password|disable|enable> --email E [--password P] [--name N] [--role R]`
// Creates or repairs a staff account from the command line (e.g. a lost owner password).
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { openConnection } from '../db/client';
import { runMigrations } from '../db/migrate';
import { users } from '../db/schema';
import { hashPassword } from '../domain/auth/password';
import { email as emailSchema, password as passwordSchema } from '../domain/validation/account';
import { ROLES } from '../domain/permissions';
import { slugify, uniqueSlug } from '../domain/slug';
import { assertEmbeddedDatabaseFree } from './lib/embedded-lock';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'editor' }, owner: { type: 'boolean', default: false } },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const command = positionals[0];
if (!command || !['create', 'reset-password', 'disable', 'enable'].includes(command)) {
  fail('Usage: npm run user -- <create|reset-password|disable|enable> --email E [--password P] [--name N] [--role contributor|author|editor|admin] [--owner]');
}
const email = emailSchema.safeParse(values.email ?? '');
if (!email.success) fail('Give a valid --email.');
const normalized = email.data.toLowerCase();
const role = values.role as (typeof ROLES)[number];
if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}.`);
if (command === 'create' || command === 'reset-password') {
  const pw = passwordSchema.safeParse(values.password ?? '');
  if (!pw.success) fail(`--password: ${pw.error.issues[0]?.message}`);
}

assertEmbeddedDatabaseFree();
const conn = await openConnection();
await runMigrations(conn.db, conn.kind);
const db = conn.db;
const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, normalized));

if (command === 'create') {
  if (existing) fail(`${normalized} already exists; use reset-password.`);
  const name = values.name || normalized.split('@')[0]!;
  const slug = await uniqueSlug(slugify(name, 'staff'), async (s) => Boolean((await db.select({ id: users.id }).from(users).where(eq(users.slug, s)))[0]));
  await db.insert(users).values({ email: normalized, name, slug, role, isOwner: values.owner, passwordHash: await hashPassword(values.password!) });
  console.log(`Created ${role} ${normalized}.`);
} else {
  if (!existing) fail(`No account with the email ${normalized}.`);
  const patch =
    command === 'reset-password'
      ? { passwordHash: await hashPassword(values.password!), disabledAt: null }
      : command === 'disable'
        ? { disabledAt: new Date() }
        : { disabledAt: null };
  await db
    .update(users)
    .set({ ...patch, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, existing.id));
  console.log(`${command} done for ${normalized}; their sessions were signed out.`);
}
await conn.close();
