import type { Database } from '@/db/client';
import { importAuthor, importSection, importTag } from '@/db/queries/import/taxonomy';
import { countOutcome, emptyReport, type ImportReport } from '../../domain/import/report';
import { categoryPaths, gazetteSlug, itemKind, placeholderEmail, sourceSiteOf, tagOldPath } from '../../domain/import/wordpress/map';
import { readWxr } from '../../domain/import/wordpress/wxr-reader';
import type { WxrAuthor, WxrCategory, WxrChannel, WxrTag } from '../../domain/import/wordpress/wxr-types';
import { slugify } from '../../domain/slug';
import { cleanLine } from '../../domain/validation/text';
import { createMediaFetcher, type MediaFetchOptions } from './media';
import { fingerprintOf, importItem, type ItemContext } from './wordpress-items';

/**
 * `npm run import:wordpress` and the admin's import: a WordPress export (WXR) into Gazette.
 *
 * The file is read twice, streamed both times. The first pass checks the whole file and collects
 * what the records refer to (authors, categories, tags, attachments), so a refused file (broken or
 * hostile XML, not a WordPress export) writes nothing. The second pass writes: authors, sections
 * and tags first, then each story, page and attachment in a transaction of its own with its
 * bookkeeping row (import_sources), which makes a second run of the same file skip what is there
 * and finish what a stopped run left.
 */

export type WxrSource = () => AsyncIterable<Uint8Array | string>;

export interface ImportProgress {
  phase: 'checking' | 'writing' | 'done';
  /** Items read (checking) or handled (writing). */
  done: number;
  total: number;
}

export interface WordPressImportOptions {
  /** Read and map everything, write nothing. */
  dryRun?: boolean;
  /** Fetch featured images, images in the content and attachments from the old site. */
  fetchMedia?: boolean;
  media?: Omit<MediaFetchOptions, 'uploadedById'>;
  /** The staff member running the import (the command line has none). */
  importerId?: number | null;
  /** Called after each item; an error thrown here stops the run (what was written stays whole). */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
}

interface Scan {
  channel: WxrChannel;
  authors: WxrAuthor[];
  categories: WxrCategory[];
  tags: WxrTag[];
  attachments: Map<string, { url: string; alt: string }>;
  items: number;
}

async function scan(open: WxrSource, onProgress: WordPressImportOptions['onProgress']): Promise<Scan> {
  const found: Scan = { channel: { wxrVersion: '', title: '', link: '', language: '', baseSiteUrl: '', baseBlogUrl: '' }, authors: [], categories: [], tags: [], attachments: new Map(), items: 0 };
  for await (const event of readWxr(open())) {
    if (event.kind === 'channel') found.channel = event.channel;
    else if (event.kind === 'author') found.authors.push(event.author);
    else if (event.kind === 'category') found.categories.push(event.category);
    else if (event.kind === 'tag') found.tags.push(event.tag);
    else {
      found.items++;
      const { item } = event;
      if (item.postType === 'attachment' && item.attachmentUrl) {
        found.attachments.set(item.postId, { url: item.attachmentUrl, alt: cleanLine(item.meta.find((m) => m.key === '_wp_attachment_image_alt')?.value ?? '').slice(0, 300) });
      }
      if (found.items % 1000 === 0) await onProgress?.({ phase: 'checking', done: found.items, total: 0 });
    }
  }
  return found;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

/** Parents before children, whatever order the file lists them in. */
function parentsFirst(categories: WxrCategory[]): WxrCategory[] {
  const bySlug = new Map(categories.map((c) => [c.slug, c]));
  const out: WxrCategory[] = [];
  const placed = new Set<string>();
  const place = (c: WxrCategory, depth: number) => {
    if (placed.has(c.slug)) return;
    const parent = bySlug.get(c.parent);
    if (parent && depth < 20) place(parent, depth + 1);
    placed.add(c.slug);
    out.push(c);
  };
  for (const c of categories) place(c, 0);
  return out;
}

async function importTaxonomy(db: Database | null, found: Scan, site: string, report: ImportReport, ctx: ItemContext): Promise<void> {
  for (const author of found.authors) {
    const id = author.login || author.id;
    if (author.problems.length || !author.login) {
      countOutcome(report, 'author', id, 'skipped', author.problems.join('; ') || 'no login');
      continue;
    }
    const name = cleanLine(author.displayName || `${author.firstName} ${author.lastName}` || author.login).slice(0, 100) || author.login;
    const placeholder = !EMAIL.test(author.email);
    const email = placeholder ? placeholderEmail(author.login) : author.email;
    if (!db) {
      countOutcome(report, 'author', id, 'imported');
      continue;
    }
    const result = await importAuthor(db, { site, sourceId: author.login, email, placeholder, name, slugBase: slugify(author.login, 'staff'), fingerprint: fingerprintOf(author) });
    ctx.authors.set(author.login, result.id);
    countOutcome(report, 'author', id, result.outcome, result.note);
  }
  const bySlug = new Map(found.categories.map((c) => [c.slug, c]));
  for (const category of parentsFirst(found.categories)) {
    if (category.problems.length || !category.slug) {
      countOutcome(report, 'category', category.slug || category.termId, 'skipped', category.problems.join('; ') || 'no slug');
      continue;
    }
    if (!db) {
      countOutcome(report, 'category', category.slug, 'imported');
      continue;
    }
    const title = cleanLine(category.name).slice(0, 100) || category.slug;
    const result = await importSection(db, {
      site,
      sourceId: category.slug,
      slugBase: gazetteSlug(category.slug, title, 'section'),
      title,
      description: cleanLine(category.description).slice(0, 500),
      parentId: ctx.sections.get(category.parent) ?? null,
      redirectsFrom: categoryPaths(category, bySlug),
      fingerprint: fingerprintOf({ category, parent: ctx.sections.get(category.parent) ?? null }),
    });
    ctx.sections.set(category.slug, result.id);
    report.redirects += result.redirects?.length ?? 0;
    countOutcome(report, 'category', category.slug, result.outcome, result.note);
  }
  for (const tag of found.tags) {
    if (tag.problems.length || !tag.slug) {
      countOutcome(report, 'tag', tag.slug || tag.termId, 'skipped', tag.problems.join('; ') || 'no slug');
      continue;
    }
    await ctx.ensureTag(tag.slug, tag.name, tag.description);
  }
}

export async function importWordPress(db: Database | null, open: WxrSource, options: WordPressImportOptions = {}): Promise<ImportReport> {
  if (!db && !options.dryRun) throw new Error('A database is needed unless this is a dry run.');
  const found = await scan(open, options.onProgress);
  const site = sourceSiteOf(found.channel);
  const report = emptyReport(site, Boolean(options.dryRun));
  const writer = options.dryRun ? null : db;
  const ctx: ItemContext = {
    db: writer,
    site,
    channel: found.channel,
    attachments: found.attachments,
    attachmentByUrl: new Map([...found.attachments.values()].map((a) => [a.url, a])),
    authors: new Map(),
    sections: new Map(),
    tags: new Map(),
    report,
    importerId: options.importerId ?? null,
    media: options.fetchMedia && writer ? createMediaFetcher(writer, site, { ...options.media, uploadedById: options.importerId ?? null }) : null,
    async ensureTag(slug, name, description = '') {
      const known = ctx.tags.get(slug);
      if (known) return known;
      const clean = cleanLine(name).slice(0, 60) || slug;
      if (!writer) {
        countOutcome(report, 'tag', slug, 'imported');
        const planned = { id: 0, name: clean };
        ctx.tags.set(slug, planned);
        return planned;
      }
      const oldPath = tagOldPath(slug);
      const result = await importTag(writer, { site, sourceId: slug, slugBase: gazetteSlug(slug, clean, 'tag'), name: clean, description: cleanLine(description).slice(0, 500), redirectsFrom: oldPath ? [oldPath] : [], fingerprint: fingerprintOf({ slug, clean }) });
      report.redirects += result.redirects?.length ?? 0;
      countOutcome(report, 'tag', slug, result.outcome, result.note);
      const entry = { id: result.id, name: clean };
      ctx.tags.set(slug, entry);
      return entry;
    },
  };
  await importTaxonomy(writer, found, site, report, ctx);

  let done = 0;
  let failuresInARow = 0;
  for await (const event of readWxr(open())) {
    if (event.kind !== 'item') continue;
    try {
      await importItem(ctx, event.item);
      failuresInARow = 0;
    } catch (error) {
      // One story the database refuses is reported and the run goes on; a run of them means the
      // database itself is failing, and the run stops (a second run finishes it).
      if (++failuresInARow >= 20) throw error;
      const kind = itemKind(event.item);
      countOutcome(report, kind ?? 'other', event.item.postId, 'skipped', `failed: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
    }
    done++;
    await options.onProgress?.({ phase: 'writing', done, total: found.items });
  }
  if (ctx.media) Object.assign(report.media, ctx.media.stats);
  await options.onProgress?.({ phase: 'done', done, total: found.items });
  return report;
}
