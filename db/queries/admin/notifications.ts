import 'server-only';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles, notifications, users } from '../../schema';
import type { NotificationKind } from '../../../domain/enums';
import type { Actor } from '../../../domain/permissions';
import { qualified } from '../qualified';
import { mailNotification } from '../mail/compose';

export interface NotificationDTO {
  id: number;
  kind: NotificationKind;
  articleId: number | null;
  articleTitle: string | null;
  actorName: string | null;
  read: boolean;
  createdAt: string;
}

/**
 * Tells each of `userIds` (never the one who did it, never twice) about an event, in the caller's
 * transaction: the bell, and mail when the site has SMTP. `note` is what came with it (a reason for
 * sending a story back, a message in its conversation), quoted in the mail.
 */
export async function notify(tx: Database, userIds: readonly (number | null)[], kind: NotificationKind, articleId: number | null, actorId: number | null, note?: string | null): Promise<void> {
  const to = [...new Set(userIds.filter((id): id is number => id !== null && id !== actorId))];
  if (!to.length) return;
  await tx.insert(notifications).values(to.map((userId) => ({ userId, kind, articleId, actorId })));
  await mailNotification(tx, to, kind, articleId, actorId, note);
}

/** Whoever a story belongs to: its creator and its staff authors, active accounts only. */
export async function storyPeople(tx: Database, story: { createdById: number | null; authorIds: readonly number[] }): Promise<number[]> {
  const ids = [...new Set([story.createdById, ...story.authorIds].filter((id): id is number => id !== null))];
  if (!ids.length) return [];
  return (await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), isNull(users.disabledAt)))).map((r) => r.id);
}

/** The active editors and administrators: who reviews what is submitted. */
export async function reviewers(tx: Database): Promise<number[]> {
  return (await tx.select({ id: users.id }).from(users).where(and(inArray(users.role, ['editor', 'admin']), isNull(users.disabledAt)))).map((r) => r.id);
}

/** The active staff a note may mention. */
export async function mentionableStaff(tx: Database) {
  return tx.select({ id: users.id, name: users.name, slug: users.slug, role: users.role }).from(users).where(isNull(users.disabledAt));
}

/** The bell's number (notifications_unread_idx). */
export async function unreadCount(db: Database, userId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** One's newest notifications (notifications_user_idx). */
export async function listNotifications(db: Database, actor: Actor, limit = 50): Promise<NotificationDTO[]> {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      articleId: notifications.articleId,
      articleTitle: articles.title,
      actorName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${qualified(notifications, 'actor_id')})`,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(articles, eq(articles.id, notifications.articleId))
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map(({ readAt, createdAt, ...r }) => ({ ...r, read: readAt !== null, createdAt: createdAt.toISOString() }));
}

/** Clears one's bell; someone else's notifications are out of reach by construction. */
export async function markAllRead(db: Database, actor: Actor): Promise<{ marked: number; invalidate: string[] }> {
  const marked = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length, invalidate: [] };
}
