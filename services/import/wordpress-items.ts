import { createHash } from 'node:crypto';
import type { Database } from '@/db/client';
import { importArticle, importPage, trashImportedArticle } from '@/db/queries/import/content';
import { importSection } from '@/db/queries/import/taxonomy';
import { countOutcome, noteFailedMedia, type ImportReport } from '../../domain/import/report';
import { articleStatusOf, featuredAttachmentOf, gazetteSlug, itemKind, mapArticleContent, oldPathsOf, pageStatusOf, parseWpDate, viewsOf } from '../../domain/import/wordpress/map';
import type { WxrChannel, WxrItem } from '../../domain/import/wordpress/wxr-types';
import type { RichTextNode } from '../../domain/rich-text/schema';
import { bodyProblems } from '../../domain/publishing/checklist';
import type { createMediaFetcher } from './media';

/** One record of the export's second pass: a story, a page or an attachment. */

/** What an import wrote for a record: the same again next run is skipped, a change updated. */
export const fingerprintOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

export interface ItemContext {
  /** Null on a dry run: everything is mapped and counted, nothing written. */
  db: Database | null;
  site: string;
  channel: WxrChannel;
  attachments: Map<string, { url: string; alt: string }>;
  attachmentByUrl: Map<string, { url: string; alt: string }>;
  /** Login → user id, category slug → section id, tag slug → tag (as WordPress spells the slugs). */
  authors: Map<string, number>;
  sections: Map<string, number>;
  tags: Map<string, { id: number; name: string }>;
  report: ImportReport;
  importerId: number | null;
  media: ReturnType<typeof createMediaFetcher> | null;
  ensureTag(slug: string, name: string, description?: string): Promise<{ id: number; name: string }>;
}

const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif)$/i;

function oldSiteHosts(ctx: ItemContext): Set<string> {
  const hosts = new Set<string>();
  for (const raw of [ctx.channel.baseSiteUrl, ctx.channel.baseBlogUrl, ctx.channel.link]) {
    try {
      hosts.add(new URL(raw).host);
    } catch {
      // not a URL: nothing to compare with
    }
  }
  return hosts;
}

/** Library copies of the old site's images in the body; images elsewhere on the web stay links. */
async function localizeImages(ctx: ItemContext, nodes: RichTextNode[] | undefined, sourceId: string): Promise<void> {
  const hosts = oldSiteHosts(ctx);
  for (const node of nodes ?? []) {
    await localizeImages(ctx, node.content, sourceId);
    if (node.type !== 'image' || typeof node.attrs?.src !== 'string') continue;
    // WordPress puts resized copies in bodies (photo-300x200.jpg): the library takes the original once.
    const original = node.attrs.src.replace(/-\d{1,5}x\d{1,5}(\.[a-z0-9]{2,5})$/i, '$1');
    const src = ctx.attachmentByUrl.has(original) ? original : node.attrs.src;
    const known = ctx.attachmentByUrl.get(src);
    if (!node.attrs.alt && known?.alt) node.attrs.alt = known.alt;
    let host = '';
    try {
      host = new URL(src).host;
    } catch {
      continue;
    }
    if (!ctx.media || !hosts.has(host)) continue;
    const fetched = await ctx.media.get(src, String(node.attrs.alt ?? ''));
    if (fetched.ok) {
      node.attrs.mediaId = fetched.media.id;
      node.attrs.src = fetched.media.url;
    } else noteFailedMedia(ctx.report, src, fetched.reason, sourceId);
  }
}

async function cover(ctx: ItemContext, item: WxrItem): Promise<{ coverMediaId: number | null; coverImageUrl: string | null; coverImageAlt: string }> {
  const attachment = ctx.attachments.get(featuredAttachmentOf(item));
  if (!attachment || !/^https?:\/\//i.test(attachment.url)) return { coverMediaId: null, coverImageUrl: null, coverImageAlt: '' };
  if (ctx.media) {
    const fetched = await ctx.media.get(attachment.url, attachment.alt);
    if (fetched.ok) {
      return { coverMediaId: fetched.media.id, coverImageUrl: null, coverImageAlt: attachment.alt };
    }
    noteFailedMedia(ctx.report, attachment.url, fetched.reason, item.postId);
  }
  return { coverMediaId: null, coverImageUrl: attachment.url, coverImageAlt: attachment.alt };
}

async function sectionFor(ctx: ItemContext, item: WxrItem): Promise<number | null> {
  for (const term of item.terms) if (term.domain === 'category' && ctx.sections.has(term.slug)) return ctx.sections.get(term.slug)!;
  if (!ctx.db) return 0;
  // A post with no known category (WordPress always gives one; a hand-edited file may not).
  const fallback = ctx.sections.get('') ?? (await importSection(ctx.db, { site: ctx.site, sourceId: '', slugBase: 'uncategorized', title: 'Uncategorized', description: '', parentId: null, redirectsFrom: [], fingerprint: 'fallback' })).id;
  ctx.sections.set('', fallback);
  return fallback;
}

async function importPost(ctx: ItemContext, item: WxrItem): Promise<void> {
  if (item.status === 'trash' && ctx.db) {
    const result = await trashImportedArticle(ctx.db, { site: ctx.site, sourceId: item.postId, importerId: ctx.importerId });
    return countOutcome(ctx.report, 'post', item.postId, result.outcome, result.note);
  }
  const decision = articleStatusOf(item);
  if (!decision.ok) return countOutcome(ctx.report, 'post', item.postId, 'skipped', decision.reason);
  const mapped = mapArticleContent(item, ctx.channel);
  if (!mapped.ok) return countOutcome(ctx.report, 'post', item.postId, 'skipped', mapped.reason);
  const notes = [...(decision.note ? [decision.note] : []), ...mapped.value.notes];
  ctx.report.approvedComments += item.approvedComments;
  const tags = [];
  for (const term of item.terms) if (term.domain === 'post_tag' && term.slug) tags.push(await ctx.ensureTag(term.slug, term.name));
  const sectionId = await sectionFor(ctx, item);
  const authorId = ctx.authors.get(item.creator);
  if (item.creator && authorId === undefined && ctx.db) notes.push(`author "${item.creator}" is not in the export's author list`);
  const { doc } = mapped.value;
  await localizeImages(ctx, doc.content, item.postId);
  const missingAlt = bodyProblems(doc).imagesWithoutAlt;
  ctx.report.imagesWithoutAlt += missingAlt;
  if (!ctx.db) return countOutcome(ctx.report, 'post', item.postId, 'imported', notes.join('; ') || undefined);
  const input = {
    site: ctx.site,
    sourceId: item.postId,
    slugBase: gazetteSlug(item.postName, mapped.value.title, 'article'),
    ...mapped.value,
    sectionId: sectionId!,
    tagIds: tags.map((t) => t.id),
    tagNames: tags.map((t) => t.name),
    authorIds: authorId === undefined ? [] : [authorId],
    status: decision.status,
    publishedAt: decision.publishedAt,
    createdAt: parseWpDate(item.postDateGmt) ?? parseWpDate(item.postDate),
    pinned: item.isSticky,
    viewCount: viewsOf(item),
    ...(await cover(ctx, item)),
    redirectsFrom: oldPathsOf(item),
  };
  const result = await importArticle(ctx.db, { ...input, importerId: ctx.importerId, fingerprint: fingerprintOf(input) });
  ctx.report.redirects += result.redirects.length;
  countOutcome(ctx.report, 'post', item.postId, result.outcome, result.outcome === 'skipped' ? result.note : notes.join('; ') || undefined);
}

async function importWpPage(ctx: ItemContext, item: WxrItem): Promise<void> {
  const decision = pageStatusOf(item);
  if (!decision.ok) return countOutcome(ctx.report, 'page', item.postId, 'skipped', decision.reason);
  const mapped = mapArticleContent(item, ctx.channel);
  if (!mapped.ok) return countOutcome(ctx.report, 'page', item.postId, 'skipped', mapped.reason);
  ctx.report.approvedComments += item.approvedComments;
  const notes = [...(decision.note ? [decision.note] : []), ...mapped.value.notes];
  await localizeImages(ctx, mapped.value.doc.content, item.postId);
  ctx.report.imagesWithoutAlt += bodyProblems(mapped.value.doc).imagesWithoutAlt;
  if (!ctx.db) return countOutcome(ctx.report, 'page', item.postId, 'imported', notes.join('; ') || undefined);
  const input = {
    site: ctx.site,
    sourceId: item.postId,
    slugBase: gazetteSlug(item.postName, mapped.value.title, 'page'),
    title: mapped.value.title.slice(0, 200),
    doc: mapped.value.doc,
    status: decision.status === 'published' ? ('published' as const) : ('draft' as const),
    publishedAt: decision.publishedAt,
    sortOrder: 0,
    redirectsFrom: oldPathsOf(item),
  };
  const result = await importPage(ctx.db, { ...input, fingerprint: fingerprintOf(input) });
  ctx.report.redirects += result.redirects.length;
  countOutcome(ctx.report, 'page', item.postId, result.outcome, result.outcome === 'skipped' ? result.note : notes.join('; ') || undefined);
}

async function importAttachment(ctx: ItemContext, item: WxrItem): Promise<void> {
  const url = item.attachmentUrl;
  if (!/^https?:\/\//i.test(url)) return countOutcome(ctx.report, 'attachment', item.postId, 'skipped', 'no file address');
  if (!IMAGE_FILE.test(new URL(url).pathname)) return countOutcome(ctx.report, 'attachment', item.postId, 'skipped', `not an image: stays on the old site at ${url}`);
  if (!ctx.db) return countOutcome(ctx.report, 'attachment', item.postId, 'imported');
  if (!ctx.media) return countOutcome(ctx.report, 'attachment', item.postId, 'skipped', 'media fetching is off');
  const fetched = await ctx.media.get(url, ctx.attachments.get(item.postId)?.alt ?? '');
  if (!fetched.ok) {
    noteFailedMedia(ctx.report, url, fetched.reason, item.postId);
    return countOutcome(ctx.report, 'attachment', item.postId, 'skipped', `not fetched: ${fetched.reason}`);
  }
  countOutcome(ctx.report, 'attachment', item.postId, fetched.reused ? 'skipped' : 'imported', fetched.reused ? 'already in the library' : undefined);
}

export async function importItem(ctx: ItemContext, item: WxrItem): Promise<void> {
  const kind = itemKind(item);
  const report = kind === 'post' || kind === 'page' || kind === 'attachment' ? (kind as 'post' | 'page' | 'attachment') : 'other';
  if (item.problems.length) return countOutcome(ctx.report, report, item.postId, 'skipped', item.problems.join('; '));
  if (kind === 'post') return importPost(ctx, item);
  if (kind === 'page') return importWpPage(ctx, item);
  if (kind === 'attachment') return importAttachment(ctx, item);
  countOutcome(ctx.report, 'other', item.postId, 'skipped', `WordPress ${item.postType || 'record'}s are not imported`);
}
