import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles, users } from '../../schema';
import { getSiteSettings } from '../public';
import type { NotificationKind } from '../../../domain/enums';
import { adminUrl, mailEnabled } from '../../../domain/env';
import type { Locale } from '../../../domain/i18n/messages';
import { notificationMail, type MailFrame } from '../../../domain/mail/templates';
import { enqueueMail } from './outbox';

/** The site's name and the language a colleague reads the admin in (their own choice, else the site's). */
export async function mailFrameFor(tx: Database, uiLocale: Locale | null): Promise<MailFrame> {
  const settings = await getSiteSettings(tx);
  return { siteName: settings.name, locale: uiLocale ?? settings.locale };
}

/**
 * The email twin of a notification: to each of `userIds` who has not turned mail off, in their
 * language, written to the outbox in the event's transaction. Nothing (not even a read) without SMTP_URL.
 */
export async function mailNotification(tx: Database, userIds: readonly number[], kind: NotificationKind, articleId: number | null, actorId: number | null, note?: string | null): Promise<void> {
  if (!mailEnabled() || !userIds.length) return;
  const recipients = await tx
    .select({ id: users.id, email: users.email, name: users.name, uiLocale: users.uiLocale })
    .from(users)
    .where(and(inArray(users.id, [...userIds]), eq(users.emailNotifications, true), isNull(users.disabledAt)));
  if (!recipients.length) return;
  const [story] = articleId ? await tx.select({ title: articles.title }).from(articles).where(eq(articles.id, articleId)) : [];
  const [actor] = actorId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, actorId)) : [];
  const settings = await getSiteSettings(tx);
  const base = adminUrl();
  await enqueueMail(
    tx,
    recipients.map((r) => ({
      kind: 'notification' as const,
      to: r.email,
      userId: r.id,
      message: notificationMail(
        { siteName: settings.name, locale: r.uiLocale ?? settings.locale },
        {
          kind,
          recipientName: r.name,
          actorName: actor?.name ?? null,
          storyTitle: story?.title ?? null,
          note,
          storyUrl: articleId ? `${base}/admin/articles/${articleId}` : null,
          accountUrl: `${base}/admin/account`,
        },
      ),
    })),
  );
}
