import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles } from '../../schema';
import { ActionError, type Message } from '../../../domain/errors';
import { blockingFailures, publishChecklist, type ChecklistInput } from '../../../domain/publishing/checklist';
import { getSensitiveWordRule } from './sensitive-words';

/**
 * Refuses (422, nothing written) a story whose blocking checklist items fail. The reason counts
 * them and each failing item is a coded message on the field it is about, so the editor shows
 * the same list, in its own language, as its publish panel.
 */
export function assertPublishable(values: ChecklistInput): void {
  const failing = blockingFailures(publishChecklist(values));
  if (!failing.length) return;
  const fields: Record<string, Message[]> = {};
  for (const item of failing) (fields[item.field] ??= []).push(item.params ? { code: item.code, params: item.params } : { code: item.code });
  throw new ActionError(422, { code: 'publishChecklistFailed', params: { count: failing.length } }, fields, { checklist: failing.map((item) => item.code) });
}

/** The stored article's checklist values (read inside the caller's transaction, after its row lock). */
export async function storedChecklistInput(tx: Database, id: number): Promise<ChecklistInput> {
  const [row] = await tx
    .select({
      sectionId: articles.sectionId,
      coverImageUrl: articles.coverImageUrl,
      coverMediaId: articles.coverMediaId,
      coverImageAlt: articles.coverImageAlt,
      body: articles.bodyJson,
      excerpt: articles.excerpt,
      seoDescription: articles.seoDescription,
      title: articles.title,
      subtitle: articles.subtitle,
      coverCaption: articles.coverCaption,
      coverCredit: articles.coverCredit,
    })
    .from(articles)
    .where(eq(articles.id, id));
  if (!row) throw new ActionError(404, { code: 'notFoundArticle' });
  return { ...row, sensitiveWords: await getSensitiveWordRule(tx) };
}
