import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { pages, sections, tags, users } from '../../schema';
import { withTx } from '../../tx';
import { isReservedSlug } from '../../../domain/reserved-slugs.mjs';
import { uniqueSlug } from '../../../domain/slug';
import { sectionPath, tagPath } from '../../../domain/urls';
import { findImported, importRedirects, rememberSource, type ImportOutcome, type SourceKey } from './sources';

/**
 * Authors, categories and tags of an import, each in its own transaction with its bookkeeping row.
 * A record met before (same site and id) is skipped when unchanged and updated when it changed; a
 * new one is matched to what the newsroom already has (same email, same slug) before anything is
 * created, so importing into a running site does not duplicate its staff, sections or tags.
 */

export interface ImportResult {
  id: number;
  outcome: ImportOutcome;
  note?: string;
  /** Old paths written as redirects to this record. */
  redirects?: string[];
}

export interface ImportedAuthorInput {
  site: string;
  sourceId: string;
  email: string;
  /** The export had no usable email: `email` is made up (…@import.invalid). */
  placeholder: boolean;
  name: string;
  slugBase: string;
  fingerprint: string;
}

/** A new author is a disabled staff account without a password: WXR carries none, and nobody signs in as them. */
export async function importAuthor(db: Database, input: ImportedAuthorInput): Promise<ImportResult> {
  const key = { site: input.site, kind: 'author' as const, sourceId: input.sourceId };
  return withTx(db, async (t) => {
    const known = await findImported(t, key);
    if (known) {
      const [row] = await t.select({ id: users.id }).from(users).where(eq(users.id, known.localId));
      if (row) return { id: row.id, outcome: 'skipped', note: 'already imported' };
    }
    let email = input.email.toLowerCase();
    const emailTaken = async (candidate: string) => Boolean((await t.select({ id: users.id }).from(users).where(eq(users.email, candidate)))[0]);
    // A made-up address says nothing about who someone is: another site's `admin`, or a second
    // login that spells the same in ASCII, gets an address of its own instead of a stranger's account.
    if (input.placeholder) email = (await uniqueSlug(email.replace(/@.*$/, ''), (local) => emailTaken(`${local}@import.invalid`))) + '@import.invalid';
    const [sameEmail] = input.placeholder ? [] : await t.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (sameEmail) {
      await rememberSource(t, key, sameEmail.id, input.fingerprint);
      return { id: sameEmail.id, outcome: 'skipped', note: `matched the existing account ${email}` };
    }
    const slug = await uniqueSlug(input.slugBase, async (s) => Boolean((await t.select({ id: users.id }).from(users).where(eq(users.slug, s)))[0]));
    const [created] = await t.insert(users).values({ email, name: input.name, slug, role: 'author', passwordHash: null, disabledAt: new Date() }).returning({ id: users.id });
    await rememberSource(t, key, created!.id, input.fingerprint);
    return { id: created!.id, outcome: 'imported' };
  });
}

export interface ImportedSectionInput {
  site: string;
  /** The old site's paths for it (`/category/…`, `/tag/…`), answered with its new page. */
  redirectsFrom: string[];
  sourceId: string;
  slugBase: string;
  title: string;
  description: string;
  parentId: number | null;
  fingerprint: string;
}

/** Sections and pages share `/{slug}` with the app's own routes. */
export async function publicSlugTaken(t: Database, slug: string): Promise<boolean> {
  if (isReservedSlug(slug)) return true;
  const [section] = await t.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug));
  if (section) return true;
  const [page] = await t.select({ id: pages.id }).from(pages).where(eq(pages.slug, slug));
  return Boolean(page);
}

export async function importSection(db: Database, input: ImportedSectionInput): Promise<ImportResult & { slug: string }> {
  const key = { site: input.site, kind: 'category' as const, sourceId: input.sourceId };
  return withTx(db, async (t) => {
    const result = await writeSection(t, input, key);
    // Written when the record is first met (or changed); a later run leaves them as they are.
    if (result.note?.startsWith('already imported')) return { ...result, redirects: [] };
    return { ...result, redirects: await importRedirects(t, input.redirectsFrom, sectionPath(result)) };
  });
}

async function writeSection(t: Database, input: ImportedSectionInput, key: SourceKey): Promise<ImportResult & { slug: string }> {
  const known = await findImported(t, key);
  const [current] = known ? await t.select({ id: sections.id, slug: sections.slug }).from(sections).where(eq(sections.id, known.localId)) : [];
  if (known && current) {
    if (known.fingerprint === input.fingerprint) return { id: current.id, slug: current.slug, outcome: 'skipped', note: 'already imported, unchanged' };
    await t
      .update(sections)
      .set({ title: input.title, description: input.description, parentId: input.parentId === current.id ? null : input.parentId, updatedAt: new Date() })
      .where(eq(sections.id, current.id));
    await rememberSource(t, key, current.id, input.fingerprint);
    return { id: current.id, slug: current.slug, outcome: 'updated' };
  }
  // A section the newsroom already made under the same slug takes the category's stories.
  const [existing] = await t.select({ id: sections.id, slug: sections.slug }).from(sections).where(eq(sections.slug, input.slugBase));
  if (existing) {
    await rememberSource(t, key, existing.id, input.fingerprint);
    return { id: existing.id, slug: existing.slug, outcome: 'skipped', note: `matched the existing section /${existing.slug}` };
  }
  const slug = await uniqueSlug(input.slugBase, (s) => publicSlugTaken(t, s));
  const [created] = await t
    .insert(sections)
    .values({ slug, title: input.title, description: input.description, parentId: input.parentId })
    .returning({ id: sections.id });
  await rememberSource(t, key, created!.id, input.fingerprint);
  return { id: created!.id, slug, outcome: 'imported' };
}

export interface ImportedTagInput {
  site: string;
  /** The old site's paths for it (`/category/…`, `/tag/…`), answered with its new page. */
  redirectsFrom: string[];
  sourceId: string;
  slugBase: string;
  name: string;
  description: string;
  fingerprint: string;
}

export async function importTag(db: Database, input: ImportedTagInput): Promise<ImportResult & { slug: string }> {
  const key = { site: input.site, kind: 'tag' as const, sourceId: input.sourceId };
  return withTx(db, async (t) => {
    const result = await writeTag(t, input, key);
    // Written when the record is first met (or changed); a later run leaves them as they are.
    if (result.note?.startsWith('already imported')) return { ...result, redirects: [] };
    return { ...result, redirects: await importRedirects(t, input.redirectsFrom, tagPath(result)) };
  });
}

async function writeTag(t: Database, input: ImportedTagInput, key: SourceKey): Promise<ImportResult & { slug: string }> {
  const known = await findImported(t, key);
  const [current] = known ? await t.select({ id: tags.id, slug: tags.slug }).from(tags).where(eq(tags.id, known.localId)) : [];
  if (known && current) return { id: current.id, slug: current.slug, outcome: 'skipped', note: 'already imported' };
  // Tag names are unique regardless of case, as the editor's tag field treats them.
  const [existing] = await t
    .select({ id: tags.id, slug: tags.slug })
    .from(tags)
    .where(sql`${tags.slug} = ${input.slugBase} or lower(${tags.name}) = ${input.name.toLocaleLowerCase()}`)
    .limit(1);
  if (existing) {
    await rememberSource(t, key, existing.id, input.fingerprint);
    return { id: existing.id, slug: existing.slug, outcome: 'skipped', note: `matched the existing tag ${existing.slug}` };
  }
  const slug = await uniqueSlug(input.slugBase, async (s) => Boolean((await t.select({ id: tags.id }).from(tags).where(eq(tags.slug, s)))[0]));
  const [created] = await t.insert(tags).values({ slug, name: input.name, description: input.description }).returning({ id: tags.id });
  await rememberSource(t, key, created!.id, input.fingerprint);
  return { id: created!.id, slug, outcome: 'imported' };
}
