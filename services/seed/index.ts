import { withTx } from '../../db/tx';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { articleAttachments, articleAuthors, articleNotices, articles, topicArticles, topics, articleTags, articleViewsDaily, media, pages, sections, siteSettings, tags, users } from '../../db/schema';
import { mediaStorage } from '../media/storage';
import { renderRichText, richTextToPlainText } from '../../domain/rich-text/render';
import { slugify } from '../../domain/slug';
import { blocksToDoc } from './blocks';
import { demoPdf } from './demo-pdf';
import { demoArticles, demoAuthors, demoDeskEditor, demoPages, demoSections, demoSite, demoTags, demoTopic } from './demo-content';
import { demoIllustration } from './images';
import { demoViewHistory } from './view-history';
import { rebuildRecentViews } from '../../db/queries/view-rollup';
import { dayInZone } from '../../domain/views/day';
import { ingestImage } from '../media/ingest';
import type { MediaDTO } from '@/db/queries/media-dto';
import { collectMediaIds, loadMediaRenderInfo } from '../../db/queries/media-render';

const DEMO_TIME_ZONE = 'Asia/Shanghai';

export async function hasContent(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: siteSettings.id }).from(siteSettings).where(eq(siteSettings.id, 1));
  return Boolean(row);
}

/** Removes all publication content (not staff passwords' owners: users with a password stay). */
export async function clearContent(db: Database): Promise<void> {
  const stored = await db.select({ storageKey: media.storageKey }).from(media);
  for (const item of stored) await mediaStorage().deletePrefix(item.storageKey).catch(() => {});
  const files = await db.select({ storageKey: articleAttachments.storageKey }).from(articleAttachments);
  await mediaStorage()
    .delete(files.map((f) => f.storageKey))
    .catch(() => {});
  await db.execute(
    sql`truncate table article_tags, article_authors, article_revisions, article_views_daily, article_views_recent, view_rollup_state, article_presence, articles, tags, sections, pages, redirects, media, topics, site_settings restart identity cascade`,
  );
  await db.execute(sql`delete from users where password_hash is null`);
}

export interface SeedOptions {
  /** Generate illustrations through the media pipeline (covers and a few inline images). */
  images?: boolean;
}

/** The demo publication: a zh-CN company-news site with sections, tags, authors and pages. */
export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<{ articles: number }> {
  const illustrations = options.images ? await makeIllustrations(db) : null;
  return withTx(db, async (t) => {
    await t.insert(siteSettings).values({
      id: 1,
      name: demoSite.name,
      tagline: demoSite.tagline,
      hotline: demoSite.hotline,
      locale: 'zh-CN',
      timeZone: DEMO_TIME_ZONE,
      footerText: demoSite.footerText,
      icp: demoSite.icp,
      policeFiling: demoSite.policeFiling,
      reprintTemplate: demoSite.reprintTemplate,
      nav: [
        ...demoSections.filter((s) => !s.parent).map((s) => ({ label: s.title, href: `/${s.slug}` })),
        ...demoPages.slice(0, 2).map((p) => ({ label: p.title, href: `/${p.slug}` })),
      ],
    });

    const sectionIds = new Map<string, number>();
    for (const s of [...demoSections].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)))) {
      const [row] = await t
        .insert(sections)
        .values({
          slug: s.slug,
          title: s.title,
          description: s.description,
          seoTitle: s.seoTitle ?? null,
          seoDescription: s.seoDescription ?? null,
          sortOrder: s.sortOrder,
          parentId: s.parent ? (sectionIds.get(s.parent) ?? null) : null,
        })
        .returning({ id: sections.id });
      sectionIds.set(s.slug, row!.id);
    }

    const authorIds = new Map<string, number>();
    for (const a of demoAuthors) {
      const [existing] = await t.select({ id: users.id }).from(users).where(eq(users.slug, a.slug));
      const id =
        existing?.id ??
        (await t
          .insert(users)
          .values({ email: a.email.toLowerCase(), name: a.name, slug: a.slug, bio: a.bio, role: 'author' })
          .returning({ id: users.id }))[0]!.id;
      authorIds.set(a.slug, id);
    }

    const tagIds = new Map<string, number>();
    for (const tag of demoTags) {
      const [row] = await t.insert(tags).values({ slug: tag.slug, name: tag.name }).returning({ id: tags.id });
      tagIds.set(tag.slug, row!.id);
    }

    for (const [index, p] of demoPages.entries()) {
      const doc = blocksToDoc(p.body);
      await t.insert(pages).values({
        slug: p.slug,
        title: p.title,
        bodyJson: doc,
        bodyHtml: renderRichText(doc, { locale: 'zh-CN' }),
        bodyText: richTextToPlainText(doc),
        status: 'published',
        publishedAt: new Date('2026-06-01T00:00:00+08:00'),
        sortOrder: index,
      });
    }

    const usedSlugs = new Set<string>();
    const seededAt = new Date();
    for (const [index, a] of demoArticles.entries()) {
      const cover = illustrations && (a.featured || a.pinned || index % 3 === 0) ? illustrations[index % illustrations.length]! : null;
      const doc = blocksToDoc(a.body);
      if (illustrations && index % 6 === 0 && doc.content.length > 2) {
        const inline = illustrations[(index + 1) % illustrations.length]!;
        doc.content.splice(2, 0, { type: 'image', attrs: { mediaId: inline.id, src: inline.url, alt: demoImageAlt(a.locale), caption: demoImageCaption(a.locale), credit: demoImageCredit(a.locale) } });
      }
      let slug = slugify(a.title);
      for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugify(a.title)}-${n}`;
      usedSlugs.add(slug);
      const [row] = await t
        .insert(articles)
        .values({
          slug,
          title: a.title,
          subtitle: a.subtitle ?? '',
          excerpt: a.excerpt,
          bodyJson: doc,
          bodyHtml: renderRichText(doc, { media: illustrations ? await loadMediaRenderInfo(t, collectMediaIds(doc)) : undefined, locale: a.locale }),
          bodyText: richTextToPlainText(doc),
          coverMediaId: cover?.id ?? null,
          coverImageAlt: cover ? demoImageAlt(a.locale) : '',
          coverCaption: cover ? demoImageCaption(a.locale) : '',
          coverCredit: cover ? demoImageCredit(a.locale) : '',
          sectionId: sectionIds.get(a.section)!,
          byline: a.byline ?? '',
          source: a.source ?? '',
          editorName: a.editor ?? demoDeskEditor[a.locale],
          locale: a.locale,
          status: a.status ?? 'published',
          publishedAt: new Date(a.publishedAt),
          featured: a.featured ?? false,
          pinned: a.pinned ?? false,
          viewCount: a.views,
          createdAt: new Date(a.publishedAt),
          updatedAt: new Date(a.publishedAt),
        })
        .returning({ id: articles.id });
      const articleId = row!.id;
      if ((a.status ?? 'published') === 'published') {
        const history = demoViewHistory({ totalViews: a.views, publishedAt: new Date(a.publishedAt), now: seededAt, timeZone: DEMO_TIME_ZONE, seed: index });
        if (history.length) await t.insert(articleViewsDaily).values(history.map((d) => ({ articleId, ...d })));
      }
      if (a.attachment && options.images) {
        // A file to download (附件下载), stored like an upload; only with media storage, as the illustrations.
        const file = demoPdf(a.attachment.lines);
        const storageKey = `attachments/demo/${slug}.pdf`;
        await mediaStorage().put(storageKey, file, 'application/pdf');
        await t.insert(articleAttachments).values({ articleId, storageKey, fileName: a.attachment.name, kind: 'pdf', bytes: file.length });
      }
      if (a.notices?.length) {
        const at = (hours: number) => new Date(new Date(a.publishedAt).getTime() + hours * 3_600_000);
        await t.insert(articleNotices).values(a.notices.map((n) => ({ articleId, kind: n.kind, note: n.note, createdAt: at(n.hoursAfter) })));
      }
      if (a.tags.length) {
        await t.insert(articleTags).values(a.tags.map((slug, i) => ({ articleId, tagId: tagIds.get(slug)!, sortOrder: i })));
      }
      if (a.authors.length) {
        await t
          .insert(articleAuthors)
          .values(a.authors.map((slug, i) => ({ articleId, userId: authorIds.get(slug)!, sortOrder: i })));
      }
    }
    // The demo's topic (专题), its stories in order, in the menu's reach at /topics/website-practice.
    const [topic] = await t.insert(topics).values({ slug: demoTopic.slug, title: demoTopic.title, intro: demoTopic.intro, published: true }).returning({ id: topics.id });
    const topicStories = await t.select({ id: articles.id, title: articles.title }).from(articles).where(inArray(articles.title, demoTopic.stories));
    await t.insert(topicArticles).values(demoTopic.stories.flatMap((title, sortOrder) => topicStories.filter((s) => s.title === title).map((s) => ({ topicId: topic!.id, articleId: s.id, sortOrder }))));
    await rebuildRecentViews(t, dayInZone(seededAt, DEMO_TIME_ZONE));
    return { articles: demoArticles.length };
  });
}

const demoImageAlt = (locale: 'zh-CN' | 'en') => (locale === 'en' ? 'Abstract illustration in the site colours' : '以站点配色绘制的抽象插图');
const demoImageCaption = (locale: 'zh-CN' | 'en') => (locale === 'en' ? 'Illustration made for the demo site.' : '示意图：为演示站点绘制。');
const demoImageCredit = (locale: 'zh-CN' | 'en') => (locale === 'en' ? 'Qinghe Web design desk' : '青禾网络设计部');

async function makeIllustrations(db: Database): Promise<MediaDTO[]> {
  const items: MediaDTO[] = [];
  for (let i = 0; i < 6; i++) {
    const file = await demoIllustration(i);
    items.push(await ingestImage(db, { file, bytes: file.length, originalName: `demo-illustration-${i + 1}.jpg`, uploadedById: null, alt: demoImageAlt('zh-CN') }));
  }
  return items;
}
