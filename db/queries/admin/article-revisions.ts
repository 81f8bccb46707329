import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleRevisions } from '../../schema';
import type { Actor } from '../../../domain/permissions';
import { REVISIONED_FIELDS, type ArticleInput } from '../../../domain/validation/article';
import type { ArticleSnapshot } from './article-current';

const AUTOSAVE_MERGE_MINUTES = 10;

export function snapshotOf(input: ArticleInput, resolved: { slug: string; authorIds: number[] }): ArticleSnapshot {
  return {
    title: input.title,
    subtitle: input.subtitle,
    excerpt: input.excerpt,
    body: input.body,
    sectionId: input.sectionId,
    tagNames: input.tagNames,
    authorIds: resolved.authorIds,
    byline: input.byline,
    source: input.source,
    editorName: input.editorName,
    coverImageUrl: input.coverImageUrl,
    coverImageAlt: input.coverImageAlt,
    coverMediaId: input.coverMediaId,
    coverCaption: input.coverCaption,
    coverCredit: input.coverCredit,
    slug: resolved.slug,
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
    locale: input.locale,
  };
}

/** JSON with sorted keys: jsonb hands documents back with its own key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function changedFields(before: Partial<ArticleSnapshot> | null, after: ArticleSnapshot): string[] {
  if (!before) return [...REVISIONED_FIELDS];
  return REVISIONED_FIELDS.filter((field) => stableJson(before[field] ?? null) !== stableJson(after[field] ?? null));
}

export async function latestRevision(tx: Database, articleId: number) {
  const [row] = await tx
    .select({
      id: articleRevisions.id,
      kind: articleRevisions.kind,
      authorId: articleRevisions.authorId,
      createdAt: articleRevisions.createdAt,
      snapshot: articleRevisions.snapshot,
      changedFields: articleRevisions.changedFields,
    })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .limit(1);
  return row ?? null;
}

export async function recordRevision(
  tx: Database,
  actor: Actor,
  articleId: number,
  version: number,
  snapshot: ArticleSnapshot,
  changed: string[],
  kind: 'save' | 'autosave' | 'publish' | 'restore',
): Promise<void> {
  const last = await latestRevision(tx, articleId);
  // A run of autosaves by one person collapses into one revision, so history shows real saves.
  if (
    kind === 'autosave' &&
    last?.kind === 'autosave' &&
    last.authorId === actor.id &&
    Date.now() - last.createdAt.getTime() < AUTOSAVE_MERGE_MINUTES * 60_000
  ) {
    const merged = [...new Set([...last.changedFields, ...changed])];
    await tx
      .update(articleRevisions)
      .set({ version, title: snapshot.title, snapshot: { ...snapshot }, changedFields: merged, updatedAt: new Date() })
      .where(eq(articleRevisions.id, last.id));
    return;
  }
  await tx.insert(articleRevisions).values({ articleId, version, title: snapshot.title, snapshot: { ...snapshot }, authorId: actor.id, kind, changedFields: changed });
}
