import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../client';
import { articleComments, users } from '../../schema';
import { withTx } from '../../tx';
import type { ArticleCommentKind } from '../../../domain/enums';
import { notFoundError } from '../../../domain/errors';
import { canViewArticleInAdmin, type Actor } from '../../../domain/permissions';
import type { ArticleCommentInput } from '../../../domain/validation/article-comment';
import { loadCurrent } from './article-current';
import { writeAudit } from './audit';
import { mentionableStaff, notify, storyPeople } from './notifications';
import { mentionedStaff } from '../../../domain/mentions';
import type { StaffActor } from './sections';

export interface ArticleCommentDTO {
  id: number;
  kind: ArticleCommentKind;
  body: string;
  authorId: number | null;
  authorName: string | null;
  createdAt: string;
}

/** Writes one message of a story's conversation inside the caller's transaction (the workflow's too). */
export async function insertArticleComment(tx: Database, actor: Actor, articleId: number, kind: ArticleCommentKind, body: string): Promise<number> {
  const [row] = await tx.insert(articleComments).values({ articleId, kind, body, authorId: actor.id }).returning({ id: articleComments.id });
  return row!.id;
}

/**
 * A note in the conversation about a story: whoever may see the story in the admin (its authors,
 * editors) may read and write there; anyone else gets the 404 the story itself would give. A
 * story in the trash keeps its conversation but takes no new notes.
 */
export async function addArticleComment(db: Database, actor: StaffActor, input: ArticleCommentInput) {
  return withTx(db, async (t) => {
    const current = await loadCurrent(t, input.articleId, true);
    if (!current || current.deletedAt || !canViewArticleInAdmin(actor, current)) throw notFoundError('This article');
    const id = await insertArticleComment(t, actor, input.articleId, 'note', input.body);
    // Those it mentions hear of it as a mention; the story's people and the others in the conversation as a note.
    // Only colleagues who may see the story: a mention must not tell anyone else that it exists.
    const staff = (await mentionableStaff(t)).filter((person) => canViewArticleInAdmin(person, current));
    const mentioned = mentionedStaff(input.body, staff).map((s) => s.id);
    const talking = (await t.selectDistinct({ id: articleComments.authorId }).from(articleComments).where(eq(articleComments.articleId, input.articleId)))
      .map((r) => r.id)
      .filter((uid) => staff.some((person) => person.id === uid));
    await notify(t, mentioned, 'mentioned', input.articleId, actor.id, input.body);
    await notify(t, [...(await storyPeople(t, current)), ...talking].filter((uid) => uid === null || !mentioned.includes(uid)), 'commented', input.articleId, actor.id, input.body);
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'article.comment', entityType: 'article', entityId: input.articleId, summary: input.body, data: { comment: id } });
    // Nothing readers see changes.
    return { id, invalidate: [] as string[] };
  });
}

/** The conversation, oldest first; empty for someone who may not see the story. */
export async function listArticleComments(db: Database, actor: Actor, articleId: number): Promise<ArticleCommentDTO[]> {
  const current = await loadCurrent(db, articleId, false);
  if (!current || !canViewArticleInAdmin(actor, current)) return [];
  const rows = await db
    .select({ id: articleComments.id, kind: articleComments.kind, body: articleComments.body, authorId: articleComments.authorId, authorName: users.name, createdAt: articleComments.createdAt })
    .from(articleComments)
    .leftJoin(users, eq(users.id, articleComments.authorId))
    .where(eq(articleComments.articleId, articleId))
    .orderBy(asc(articleComments.createdAt), asc(articleComments.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
