import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles, articleTags, pages, redirects, sections, tags, topics, users } from '../../schema';
import { qualified } from '../qualified';
import type { NavItem } from '../../schema';
import { ActionError } from '../../../domain/errors';
import { ROUTE_SEGMENTS } from '../../../domain/reserved-slugs.mjs';
import { pagePath, parseArticleParam, sectionPath, tagPath, topicPath } from '../../../domain/urls';

export interface NavTargetDTO {
  label: string;
  href: string;
  kind: 'section' | 'page' | 'tag' | 'topic';
}

/** How many tags the menu picker offers: the most used ones; any other can still be typed. */
const TAG_CHOICES = 100;

/** What the settings' menu rows may be picked from: every section, every published page, the published topics (and their list), the most used tags. */
export async function listNavTargets(db: Database): Promise<NavTargetDTO[]> {
  const [sectionRows, pageRows, tagRows, topicRows] = await Promise.all([
    db.select({ title: sections.title, slug: sections.slug }).from(sections).orderBy(asc(sections.sortOrder), asc(sections.title)),
    db.select({ title: pages.title, slug: pages.slug }).from(pages).where(eq(pages.status, 'published')).orderBy(asc(pages.sortOrder), asc(pages.title)),
    db
      .select({ name: tags.name, slug: tags.slug })
      .from(tags)
      .orderBy(sql`(select count(*) from ${articleTags} where ${articleTags.tagId} = ${qualified(tags, 'id')}) desc`, asc(tags.name))
      .limit(TAG_CHOICES),
    db.select({ title: topics.title, slug: topics.slug }).from(topics).where(eq(topics.published, true)).orderBy(asc(topics.title)),
  ]);
  return [
    ...sectionRows.map((s) => ({ label: s.title, href: sectionPath(s), kind: 'section' as const })),
    ...pageRows.map((p) => ({ label: p.title, href: pagePath(p), kind: 'page' as const })),
    ...topicRows.map((t) => ({ label: t.title, href: topicPath(t), kind: 'topic' as const })),
    ...tagRows.map((t) => ({ label: t.name, href: tagPath(t), kind: 'tag' as const })),
  ];
}

async function exists(query: Promise<unknown[]>): Promise<boolean> {
  return (await query).length > 0;
}

/** Whether a path on this site answers with something a reader can open (or redirects to it). */
async function localPathAnswers(tx: Database, href: string): Promise<boolean> {
  const path = href.split(/[?#]/)[0]!.replace(/\/+$/, '') || '/';
  if (path === '/') return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  const [first = '', second, ...deeper] = decoded.split('/').slice(1);
  if (await exists(tx.select({ id: redirects.id }).from(redirects).where(eq(redirects.fromPath, decoded)))) return true;
  if (/\.(xml|json|atom|txt)$/.test(first) && second === undefined) return true;
  if (first === 'tags' && second && !deeper.length) return exists(tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, second)));
  if (first === 'topics' && second && !deeper.length) return exists(tx.select({ id: topics.id }).from(topics).where(and(eq(topics.slug, second), eq(topics.published, true))));
  if (first === 'authors' && second && !deeper.length) return exists(tx.select({ id: users.id }).from(users).where(eq(users.slug, second)));
  if (first === 'articles' && second && !deeper.length) {
    const param = parseArticleParam(second);
    return param !== null && exists(tx.select({ id: articles.id }).from(articles).where(and(eq(articles.id, param.id), isNull(articles.deletedAt))));
  }
  // Search, feeds, editions and the like: the app's own routes, which answer whatever follows.
  if ((ROUTE_SEGMENTS as readonly string[]).includes(first)) return first !== 'admin' && first !== 'api' && first !== 'preview';
  if (second !== undefined) return false;
  return (
    (await exists(tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, first)))) ||
    exists(tx.select({ id: pages.id }).from(pages).where(and(eq(pages.slug, first), eq(pages.status, 'published'))))
  );
}

/**
 * Menu rows typed or changed in this save must lead somewhere: a local path that answers 404 is
 * refused with its row number. Rows saved before are not rechecked, so a page unpublished since
 * does not block an unrelated change of settings (its row still shows in the form to fix).
 */
export async function assertNavTargetsAnswer(tx: Database, nav: NavItem[], before: NavItem[]): Promise<void> {
  const known = new Set(before.map((item) => item.href));
  for (const [index, item] of nav.entries()) {
    if (!item.href.startsWith('/') || known.has(item.href)) continue;
    if (!(await localPathAnswers(tx, item.href))) throw ActionError.onField(422, 'nav', { code: 'navHrefUnknown', params: { row: index + 1, href: item.href } });
  }
}
