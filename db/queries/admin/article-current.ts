import 'server-only';
import { and, asc, desc, eq, gte, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleAuthors, articles, articleTags, sections } from '../../schema';
import type { ArticleStatus } from '../../schema';
import type { ArticleOwnership } from '../../../domain/permissions';
import { cacheTags } from '../../../domain/cache-tags';
import type { SnapshotLike } from '../../../domain/revision-diff';
import { articleIsVisible, effectiveStatusAt } from '../visibility';

/** The content of an article as the editor sees it; also what a revision stores. */
export interface ArticleSnapshot extends SnapshotLike {
  locale?: 'zh-CN' | 'en';
}

export interface WriteResult {
  id: number;
  version: number;
  slug: string;
  status: ArticleStatus;
  /** Cache tags the change touched; the action wrapper invalidates them after the commit. */
  invalidate: string[];
}

/** The statuses readers can see (or will, for a scheduled story): changing such an article expires caches. */
export const PUBLIC: readonly ArticleStatus[] = ['published', 'scheduled'];

/** What the write and workflow rules need to know about an article as it stands. */
export interface Current extends ArticleOwnership {
  id: number;
  version: number;
  sectionId: number;
  slug: string;
  tagIds: number[];
  publishedAt: Date | null;
  featured: boolean;
  pinned: boolean;
  pinnedUntil: Date | null;
}

export async function loadCurrent(tx: Database, id: number, lock: boolean): Promise<Current | null> {
  const query = tx
    .select({
      id: articles.id,
      version: articles.version,
      // Live scheduled stories count as published here too: the workflow follows what readers see.
      // Judged when the row lock is granted, not when this transaction began: a concurrent publish
      // that held the lock stamped its own, later now(), which this transaction's now() may precede.
      status: effectiveStatusAt(sql`clock_timestamp()`),
      createdById: articles.createdById,
      deletedAt: articles.deletedAt,
      sectionId: articles.sectionId,
      slug: articles.slug,
      publishedAt: articles.publishedAt,
      featured: articles.featured,
      pinned: articles.pinned,
      pinnedUntil: articles.pinnedUntil,
    })
    .from(articles)
    .where(eq(articles.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return null;
  const [authorRows, tagRows] = await Promise.all([
    tx.select({ id: articleAuthors.userId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(asc(articleAuthors.sortOrder)),
    tx.select({ id: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, id)).orderBy(asc(articleTags.sortOrder)),
  ]);
  return { ...row, authorIds: authorRows.map((r) => r.id), tagIds: tagRows.map((r) => r.id) };
}

/** For permission checks outside this module (preview, revisions, presence). */
export async function getOwnership(db: Database, id: number): Promise<Current | null> {
  return loadCurrent(db, id, false);
}

async function sectionAncestry(tx: Database, sectionIds: number[]): Promise<number[]> {
  const all = await tx.select({ id: sections.id, parentId: sections.parentId }).from(sections);
  const out = new Set<number>();
  for (const start of sectionIds) {
    let current: number | null | undefined = start;
    for (let i = 0; current && i < 10; i++) {
      out.add(current);
      const id: number = current;
      current = all.find((s) => s.id === id)?.parentId;
    }
  }
  return [...out];
}

/** Every cached reader view an article appears in, before and after the change. */
export async function readerTags(
  tx: Database,
  id: number,
  states: { sectionId: number; tagIds: number[]; authorIds: number[]; publishedAt?: Date | null }[],
): Promise<string[]> {
  const sectionIds = await sectionAncestry(tx, states.map((s) => s.sectionId));
  const set = new Set<string>([cacheTags.article(id), cacheTags.home, cacheTags.mostRead]);
  for (const s of sectionIds) set.add(cacheTags.section(s));
  for (const state of states) {
    for (const t of state.tagIds) set.add(cacheTags.tag(t));
    for (const a of state.authorIds) set.add(cacheTags.author(a));
  }
  for (const neighbour of await storiesBeside(tx, id, states)) set.add(cacheTags.neighbours(neighbour));
  return [...set];
}

/**
 * The stories whose "previous / next" links may show this one: the visible stories on either
 * side of where it stands now (in this transaction, after the change) and where it stood before.
 * Two on each side, and the time widened by a millisecond, so that ties and the microseconds a
 * Date drops cannot hide the one that shows it.
 */
async function storiesBeside(tx: Database, id: number, states: { sectionId: number; publishedAt?: Date | null }[]): Promise<number[]> {
  const [now] = await tx.select({ sectionId: articles.sectionId, publishedAt: articles.publishedAt }).from(articles).where(eq(articles.id, id));
  const places = [...states, ...(now ? [now] : [])].filter((p): p is { sectionId: number; publishedAt: Date } => p.publishedAt instanceof Date);
  const found = await Promise.all(
    places.flatMap(({ sectionId, publishedAt }) => {
      const sameSection = and(articleIsVisible, eq(articles.sectionId, sectionId), ne(articles.id, id));
      const after = new Date(publishedAt.getTime() + 1);
      const before = new Date(publishedAt.getTime() - 1);
      return [
        tx.select({ id: articles.id }).from(articles).where(and(sameSection, lte(articles.publishedAt, after))).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(2),
        tx.select({ id: articles.id }).from(articles).where(and(sameSection, gte(articles.publishedAt, before))).orderBy(asc(articles.publishedAt), asc(articles.id)).limit(2),
      ];
    }),
  );
  return [...new Set(found.flat().map((row) => row.id))];
}
