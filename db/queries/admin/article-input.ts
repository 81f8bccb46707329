import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles, media, sections, tags, users } from '../../schema';
import { ActionError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions';
import { renderRichText, richTextToPlainText } from '../../../domain/rich-text/render';
import type { RichTextDoc } from '../../../domain/rich-text/schema';
import { normalizeSlugInput, slugify, uniqueSlug } from '../../../domain/slug';
import type { ArticleInput } from '../../../domain/validation/article';
import type { Locale } from '../../../domain/i18n/messages';
import { imageAltsByMedia } from '../../../domain/media/alt';
import { collectMediaIds, loadMediaRenderInfo } from '../media-render';
import { writeAudit } from './audit';

// What the article form sent, checked against the database and turned into what a write stores:
// ids that exist, a free slug, the rendered body. Each refusal names the field it is about.

export async function resolveSection(tx: Database, sectionId: number): Promise<void> {
  const [row] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
  if (!row) throw ActionError.onField(422, 'sectionId', { code: 'sectionMissing' });
}

export async function resolveTags(tx: Database, actor: Actor, names: string[]): Promise<number[]> {
  const unique = [...new Map(names.map((n) => [n.toLocaleLowerCase(), n])).values()];
  if (!unique.length) return [];
  const existing = await tx.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(sql`lower(${tags.name})`, unique.map((n) => n.toLocaleLowerCase())));
  const byName = new Map(existing.map((t) => [t.name.toLocaleLowerCase(), t.id]));
  const ids: number[] = [];
  for (const name of unique) {
    let tagId = byName.get(name.toLocaleLowerCase());
    if (tagId === undefined) {
      if (!can(actor.role, 'tag:create')) {
        throw new ActionError(422, { code: 'tagUnknown', params: { name } }, { tagNames: [{ code: 'tagUnknownField', params: { name } }] });
      }
      const slug = await uniqueSlug(slugify(name, 'tag'), async (s) => Boolean((await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, s)))[0]));
      const [created] = await tx.insert(tags).values({ name, slug }).returning({ id: tags.id });
      tagId = created!.id;
      await writeAudit(tx, { actorId: actor.id, action: 'tag.create', entityType: 'tag', entityId: tagId, summary: name });
    }
    ids.push(tagId);
  }
  return ids;
}

export async function resolveAuthors(tx: Database, authorIds: number[]): Promise<number[]> {
  const unique = [...new Set(authorIds)];
  if (!unique.length) return [];
  const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, unique));
  if (found.length !== unique.length) throw new ActionError(422, { code: 'authorUnknown' }, { authorIds: [{ code: 'authorUnknownField' }] });
  return unique;
}

async function slugTaken(tx: Database, slug: string, exceptId?: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(exceptId ? and(eq(articles.slug, slug), sql`${articles.id} <> ${exceptId}`) : eq(articles.slug, slug));
  return Boolean(row);
}

/** A typed slug must be free; a generated one is made free with -2, -3… */
export async function resolveSlug(tx: Database, input: ArticleInput, exceptId?: number, keep?: string): Promise<string> {
  if (input.slug) {
    const typed = normalizeSlugInput(input.slug);
    if (!typed) throw new ActionError(422, { code: 'slugNeedsLetters' }, { slug: [{ code: 'slugNeedsLettersField' }] });
    if (typed !== keep && (await slugTaken(tx, typed, exceptId))) {
      throw ActionError.onField(409, 'slug', { code: 'articleSlugTaken' });
    }
    return typed;
  }
  if (keep) return keep;
  return uniqueSlug(slugify(input.title), (s) => slugTaken(tx, s, exceptId));
}

/** The stored forms of a body; `locale` is the story's (or, for a page, the site's) language. */
export async function renderedBody(tx: Database, doc: RichTextDoc, locale: Locale) {
  const mediaInfo = await loadMediaRenderInfo(tx, collectMediaIds(doc));
  return { bodyJson: doc, bodyHtml: renderRichText(doc, { media: mediaInfo, locale }), bodyText: richTextToPlainText(doc) };
}

export async function resolveCoverMedia(tx: Database, coverMediaId: number | null): Promise<number | null> {
  if (coverMediaId === null) return null;
  const [row] = await tx.select({ id: media.id }).from(media).where(and(eq(media.id, coverMediaId), eq(media.status, 'ready')));
  if (!row) throw new ActionError(422, { code: 'coverNotInLibrary' }, { coverMediaId: [{ code: 'coverNotInLibraryField' }] });
  return row.id;
}

/**
 * One alt text per library image: an alt typed in the story (image dialog or cover field) becomes
 * the library item's when the library has none yet. A library alt already set is never overwritten
 * here; changing it is the media page's job, which can then apply it to the stories.
 */
export async function fillEmptyMediaAlt(tx: Database, doc: RichTextDoc, cover: { mediaId: number | null; alt: string }): Promise<void> {
  const alts = imageAltsByMedia(doc);
  if (cover.mediaId !== null && cover.alt.trim() && !alts.has(cover.mediaId)) alts.set(cover.mediaId, cover.alt.trim());
  for (const [id, alt] of alts) {
    await tx
      .update(media)
      .set({ alt, updatedAt: new Date() })
      .where(and(eq(media.id, id), eq(media.status, 'ready'), sql`btrim(${media.alt}) = ''`));
  }
}

export function excerptFrom(input: Pick<ArticleInput, 'excerpt'>, text: string): string {
  if (input.excerpt) return input.excerpt;
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  return [...first].length > 140 ? `${[...first].slice(0, 140).join('')}…` : first;
}
