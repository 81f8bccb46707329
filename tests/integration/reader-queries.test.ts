import { getPageBySlug } from '@/db/queries/public-pages';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleCardDTO } from '@/db/queries/dto';
import {
  countArticles,
  DEFAULT_SETTINGS,
  getArticle,
  getAuthorBySlug,
  getLeadStories,
  getMostRead,
  getNeighbours,
  getRedirect,
  getRelated,
  getSiteSettings,
  getTagBySlug,
  listArticles,
  listSections,
  pageOfArticles,
  type ArticleListFilter,
} from '@/db/queries/public';
import { articleAuthors, articles, articleTags, pages, redirects, sections, tags, users } from '@/db/schema';
import type { ArticleStatus } from '@/db/schema';
import { seedDemo } from '@/services/seed';
import { demoArticles, demoAuthors, demoPages, demoSections, demoSite, demoTags } from '@/services/seed/demo-content';
import { sectionFamilyIds } from '@/services/reader';
import { lastSitemapArticleId, listFeedItems, listNewsSitemapArticles, listSitemapArticles, listSitemapStatic } from '@/db/queries/feeds';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { demoArticleIsVisible } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ALL = 100_000;

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});

afterAll(async () => {
  await tdb?.drop();
});

const ids = (cards: { id: number }[]) => cards.map((c) => c.id);

describe('on an empty database', () => {
  it('getSiteSettings returns DEFAULT_SETTINGS', async () => {
    expect(await getSiteSettings(tdb.db)).toEqual(DEFAULT_SETTINGS);
  });

  it('lists no articles and reports one empty page', async () => {
    expect(await listArticles(tdb.db, {}, { limit: 10 })).toEqual([]);
    expect(await countArticles(tdb.db, {})).toBe(0);
    expect(await pageOfArticles(tdb.db, {}, 1, 10)).toEqual({ items: [], total: 0, page: 1, pageSize: 10, pageCount: 1 });
    expect(await getLeadStories(tdb.db, 5)).toEqual([]);
    expect(await getMostRead(tdb.db, 5)).toEqual([]);
  });
});

describe('on the seeded demo plus test fixtures', () => {
  const now = Date.now();
  const at = (offset: number) => new Date(now + offset);

  /** Every article inserted by this file, with whether a reader may see it. */
  const fixtures = new Map<string, { id: number; visible: boolean }>();
  const sectionIds: Record<string, number> = {};
  const tagIds: Record<string, number> = {};
  const userIds: Record<string, number> = {};

  const id = (key: string) => {
    const f = fixtures.get(key);
    if (!f) throw new Error(`no fixture ${key}`);
    return f.id;
  };

  interface Fixture {
    section: string;
    status?: ArticleStatus;
    publishedAt: Date | null;
    deletedAt?: Date;
    views?: number;
    pinned?: boolean;
    featured?: boolean;
    tags?: string[];
    authors?: string[];
  }

  async function add(key: string, f: Fixture, visible: boolean): Promise<number> {
    const [row] = await tdb.db
      .insert(articles)
      .values({
        slug: `t-${key.toLowerCase()}`,
        title: `Fixture ${key}`,
        bodyJson: { type: 'doc', content: [] },
        bodyHtml: `<p>${key}</p>`,
        sectionId: sectionIds[f.section]!,
        status: f.status ?? 'published',
        publishedAt: f.publishedAt,
        deletedAt: f.deletedAt ?? null,
        viewCount: f.views ?? 0,
        pinned: f.pinned ?? false,
        featured: f.featured ?? false,
      })
      .returning({ id: articles.id });
    const articleId = row!.id;
    if (f.tags?.length) {
      await tdb.db.insert(articleTags).values(f.tags.map((t, i) => ({ articleId, tagId: tagIds[t]!, sortOrder: i })));
    }
    if (f.authors?.length) {
      await tdb.db.insert(articleAuthors).values(f.authors.map((u, i) => ({ articleId, userId: userIds[u]!, sortOrder: i })));
    }
    fixtures.set(key, { id: articleId, visible });
    return articleId;
  }

  // Invisible stories are pinned, featured, heavily read and tagged like the visible ones, so any
  // query that forgot the visibility rule would put them first.
  const bait = { views: 1_000_000_000, pinned: true, featured: true, tags: ['qa-t1', 'rel-a', 'rel-b'], authors: ['qa-author-a'] };

  beforeAll(async () => {
    await seedDemo(tdb.db);

    for (const [slug, parent] of [
      ['qa', null],
      ['qa-sub', 'qa'],
      ['qa-ties', null],
      ['qa-pager', null],
      ['qa-rel', null],
      ['qa-rel-other', null],
      ['qa-micro', null],
      ['qa-empty', null],
    ] as const) {
      const [row] = await tdb.db
        .insert(sections)
        .values({ slug, title: slug, parentId: parent ? sectionIds[parent]! : null, sortOrder: 100 })
        .returning({ id: sections.id });
      sectionIds[slug] = row!.id;
    }
    for (const slug of ['qa-t1', 'qa-t2', 'rel-a', 'rel-b', 'rel-c', 'qa-unused']) {
      const [row] = await tdb.db.insert(tags).values({ slug, name: `Tag ${slug}`, description: `About ${slug}` }).returning({ id: tags.id });
      tagIds[slug] = row!.id;
    }
    for (const slug of ['qa-author-a', 'qa-author-b', 'qa-drafts-only', 'qa-no-articles']) {
      const [row] = await tdb.db
        .insert(users)
        .values({ email: `${slug}@example.test`, name: `Name ${slug}`, slug, bio: `Bio ${slug}`, role: 'author' })
        .returning({ id: users.id });
      userIds[slug] = row!.id;
    }

    // Visibility matrix, all in section qa.
    await add('pubOld', { section: 'qa', publishedAt: at(-10 * DAY), views: 500_000_000, tags: ['qa-t1'], authors: ['qa-author-a'] }, true);
    await add('draft', { ...bait, section: 'qa', status: 'draft', publishedAt: at(-5 * DAY), authors: ['qa-author-a', 'qa-drafts-only'] }, false);
    await add('inReview', { ...bait, section: 'qa', status: 'in_review', publishedAt: at(-5 * DAY) }, false);
    await add('archived', { ...bait, section: 'qa', status: 'archived', publishedAt: at(-5 * DAY) }, false);
    await add('futureScheduled', { ...bait, section: 'qa', status: 'scheduled', publishedAt: at(DAY) }, false);
    await add('pastScheduled', { section: 'qa', status: 'scheduled', publishedAt: at(-3 * DAY), pinned: true, tags: ['qa-t1'] }, true);
    await add('trashed', { ...bait, section: 'qa', publishedAt: at(-4 * DAY), deletedAt: at(-HOUR) }, false);
    await add('futurePublished', { ...bait, section: 'qa', publishedAt: at(2 * DAY) }, false);
    await add('nullDate', { ...bait, section: 'qa', publishedAt: null }, false);
    await add('pubNew', { section: 'qa', publishedAt: at(-DAY), tags: ['qa-t2', 'qa-t1'], authors: ['qa-author-b', 'qa-author-a'] }, true);
    await add('subVisible', { section: 'qa-sub', publishedAt: at(-2 * DAY) }, true);
    await add('subDraft', { ...bait, section: 'qa-sub', status: 'draft', publishedAt: at(-2 * DAY) }, false);

    // Ties on published_at, broken by id; an invisible story sits inside the tie.
    const tie = at(-3 * DAY);
    await add('tieOld', { section: 'qa-ties', publishedAt: at(-5 * DAY) }, true);
    await add('tieA', { section: 'qa-ties', publishedAt: tie }, true);
    await add('tieDraft', { ...bait, section: 'qa-ties', status: 'draft', publishedAt: tie }, false);
    await add('tieB', { section: 'qa-ties', publishedAt: tie }, true);
    await add('tieTrashed', { ...bait, section: 'qa-ties', publishedAt: tie, deletedAt: at(-HOUR) }, false);
    await add('tieC', { section: 'qa-ties', publishedAt: tie }, true);
    await add('tieNew', { section: 'qa-ties', publishedAt: at(-DAY) }, true);

    // Seven visible stories to page through, and two that must not count.
    for (let i = 1; i <= 7; i++) await add(`page${i}`, { section: 'qa-pager', publishedAt: at(-i * HOUR) }, true);
    await add('pageDraft', { ...bait, section: 'qa-pager', status: 'draft', publishedAt: at(-30 * 60_000) }, false);
    await add('pageFuture', { ...bait, section: 'qa-pager', publishedAt: at(HOUR) }, false);

    // Related stories for relX (tags rel-a, rel-b, section qa-rel).
    await add('relX', { section: 'qa-rel', publishedAt: at(-5 * DAY), tags: ['rel-a', 'rel-b'] }, true);
    await add('relBoth', { section: 'qa-rel-other', publishedAt: at(-20 * DAY), tags: ['rel-b', 'rel-a'] }, true);
    await add('relOneSame', { section: 'qa-rel', publishedAt: at(-15 * DAY), tags: ['rel-a'] }, true);
    await add('relOneOtherNew', { section: 'qa-rel-other', publishedAt: at(-2 * DAY), tags: ['rel-b', 'rel-c'] }, true);
    await add('relOneOtherOld', { section: 'qa-rel-other', publishedAt: at(-30 * DAY), tags: ['rel-a'] }, true);
    await add('relSameNoTags', { section: 'qa-rel', publishedAt: at(-DAY) }, true);
    await add('relUnrelated', { section: 'qa-rel-other', publishedAt: at(-HOUR), tags: ['rel-c'] }, true);
    await add('relDraft', { ...bait, section: 'qa-rel', status: 'draft', publishedAt: at(-DAY) }, false);
    await add('relTrashed', { ...bait, section: 'qa-rel', publishedAt: at(-DAY), deletedAt: at(-HOUR) }, false);
    await add('relFuture', { ...bait, section: 'qa-rel', publishedAt: at(DAY) }, false);

    await tdb.db.insert(pages).values([
      { slug: 'qa-draft-page', title: 'Draft page', bodyJson: { type: 'doc', content: [] }, bodyHtml: '<p>secret</p>', status: 'draft' },
    ]);
    await tdb.db.insert(redirects).values([
      { fromPath: '/old-news/1.html', toPath: '/articles/1', statusCode: 301 },
      { fromPath: '/temporary', toPath: '/news', statusCode: 302 },
    ]);
  });

  it('feeds and sitemaps list exactly the stories readers may see, newest first in feeds, by id in sitemaps', async () => {
    const visible = [...fixtures.values()].filter((f) => f.visible).map((f) => f.id);
    const hidden = [...fixtures.values()].filter((f) => !f.visible).map((f) => f.id);
    const total = await countArticles(tdb.db, {});
    const lastId = await lastSitemapArticleId(tdb.db);
    expect(lastId).toBe(Math.max(...visible, ...ids(await listArticles(tdb.db, {}, { limit: ALL }))));
    // Files split the id range: every visible story is in exactly one of them, by id.
    const all = [...(await listSitemapArticles(tdb.db, 0, 10)), ...(await listSitemapArticles(tdb.db, 10, lastId))];
    expect(all).toHaveLength(total);
    expect(await listSitemapArticles(tdb.db, lastId, 10)).toEqual([]);
    expect(ids(all)).toEqual([...ids(all)].sort((a, b) => a - b));
    for (const id of visible) expect(ids(all)).toContain(id);
    for (const id of hidden) expect(ids(all)).not.toContain(id);

    const feed = await listFeedItems(tdb.db, { sectionIds: [sectionIds.qa!, sectionIds['qa-sub']!] }, 50);
    expect(ids(feed)).toEqual([id('pubNew'), id('subVisible'), id('pastScheduled'), id('pubOld')]);
    expect(feed[0]!.authorNames).toEqual(['Name qa-author-b', 'Name qa-author-a']);
    expect(feed[0]!.bodyHtml).toBe('<p>pubNew</p>');
    expect(ids(await listFeedItems(tdb.db, {}, ALL))).toEqual(ids(await listArticles(tdb.db, {}, { limit: ALL })));
  });

  it('the news sitemap covers its window only, and the static sitemap lists published pages, and sections, tags and authors with their newest visible story', async () => {
    const recent = await listNewsSitemapArticles(tdb.db, at(-2 * DAY - HOUR), ALL);
    expect(ids(recent)).toContain(id('pubNew'));
    expect(ids(recent)).toContain(id('subVisible'));
    expect(ids(recent)).not.toContain(id('pubOld'));
    for (const key of ['futurePublished', 'futureScheduled', 'draft', 'trashed']) expect(ids(recent)).not.toContain(id(key));

    const found = await listSitemapStatic(tdb.db);
    expect(found.pages.map((p) => p.slug)).toEqual(demoPages.map((p) => p.slug));
    expect(found.sections.map((s) => s.slug)).toContain('qa-sub');
    const tagSlugs = found.tags.map((t) => t.slug);
    expect(tagSlugs).toContain('qa-t1');
    expect(tagSlugs).toContain('rel-c');
    expect(tagSlugs).not.toContain('qa-unused');
    // lastmod of a list: when its newest visible story appeared, never a future or hidden one.
    for (const list of [found.sections, found.tags, found.authors]) {
      for (const item of list) if (item.lastModified) expect(Date.parse(item.lastModified)).toBeLessThanOrEqual(Date.now());
    }
    // The newest visible story of 'qa' is pubNew; drafts, the trash and future stories there do not count.
    const lastOf = (list: { slug: string; lastModified: string | null }[], slug: string) => list.find((item) => item.slug === slug)?.lastModified;
    expect(lastOf(found.sections, 'qa')).toBe(at(-DAY).toISOString());
    expect(lastOf(found.sections, 'qa-sub')).toBe(at(-2 * DAY).toISOString());
    expect(lastOf(found.tags, 'qa-t1')).toBe(at(-DAY).toISOString());
    expect(lastOf(found.authors, 'qa-author-a')).toBe(at(-DAY).toISOString());
  });

  const visibleFixtureIds = () => [...fixtures.values()].filter((f) => f.visible).map((f) => f.id);
  const invisibleFixtureIds = () => [...fixtures.values()].filter((f) => !f.visible).map((f) => f.id);

  describe('visibility', () => {
    it('listArticles and countArticles return only published (or past-scheduled), dated, not-deleted stories', async () => {
      expect(ids(await listArticles(tdb.db, { sectionIds: [sectionIds.qa!] }, { limit: ALL }))).toEqual([
        id('pubNew'),
        id('pastScheduled'),
        id('pubOld'),
      ]);
      expect(await countArticles(tdb.db, { sectionIds: [sectionIds.qa!] })).toBe(3);
    });

    it('the whole site list holds the visible demo stories and visible fixtures, and nothing else', async () => {
      const all = await listArticles(tdb.db, {}, { limit: ALL });
      const expectedCount = demoArticles.filter((a) => demoArticleIsVisible(a)).length + visibleFixtureIds().length;
      expect(all.length).toBe(expectedCount);
      expect(await countArticles(tdb.db, {})).toBe(expectedCount);
      const listed = new Set(ids(all));
      for (const hidden of invisibleFixtureIds()) expect(listed.has(hidden)).toBe(false);
      const titles = new Set(all.map((a) => a.title));
      for (const a of demoArticles) expect(titles.has(a.title), a.title).toBe(demoArticleIsVisible(a));
    });

    it('getArticle returns visible stories and null for every invisible one', async () => {
      for (const [key, f] of fixtures) {
        const article = await getArticle(tdb.db, f.id);
        expect(article === null, key).toBe(!f.visible);
      }
      expect(await getArticle(tdb.db, 987_654_321)).toBeNull();
    });

    it('getLeadStories never includes invisible stories, however pinned or featured', async () => {
      const lead = await getLeadStories(tdb.db, ALL);
      const hidden = new Set(invisibleFixtureIds());
      expect(lead.filter((a) => hidden.has(a.id))).toEqual([]);
      expect(lead.length).toBe(await countArticles(tdb.db, {}));
    });

    it('getMostRead never includes invisible stories, however much read', async () => {
      const top = await getMostRead(tdb.db, 3);
      expect(top[0]?.id).toBe(id('pubOld'));
      const all = await getMostRead(tdb.db, ALL);
      const hidden = new Set(invisibleFixtureIds());
      expect(all.filter((a) => hidden.has(a.id))).toEqual([]);
      expect(all.length).toBe(await countArticles(tdb.db, {}));
    });

    it('a scheduled story is visible once its time has passed and hidden before', async () => {
      const list = ids(await listArticles(tdb.db, {}, { limit: ALL }));
      expect(list).toContain(id('pastScheduled'));
      expect(list).not.toContain(id('futureScheduled'));
      // Move the future one into the past: it appears with no job running.
      await tdb.db.update(articles).set({ publishedAt: at(-6 * DAY) }).where(eq(articles.id, id('futureScheduled')));
      try {
        expect(ids(await listArticles(tdb.db, { sectionIds: [sectionIds.qa!] }, { limit: ALL }))).toContain(id('futureScheduled'));
        expect(await getArticle(tdb.db, id('futureScheduled'))).not.toBeNull();
      } finally {
        await tdb.db.update(articles).set({ publishedAt: at(DAY) }).where(eq(articles.id, id('futureScheduled')));
      }
      expect(await getArticle(tdb.db, id('futureScheduled'))).toBeNull();
    });
  });

  describe('getArticle', () => {
    it('returns the full story with authors and tags in their editorial order', async () => {
      const article = await getArticle(tdb.db, id('pubNew'));
      expect(article).toMatchObject({
        id: id('pubNew'),
        slug: 't-pubnew',
        title: 'Fixture pubNew',
        bodyHtml: '<p>pubNew</p>',
        sectionId: sectionIds.qa,
        publishedAt: at(-DAY).toISOString(),
        viewCount: 0,
        pinned: false,
      });
      expect(article!.authors.map((a) => a.slug)).toEqual(['qa-author-b', 'qa-author-a']);
      expect(article!.tags.map((t) => t.slug)).toEqual(['qa-t2', 'qa-t1']);
      expect(article!.tags[0]).toEqual({ id: tagIds['qa-t2'], slug: 'qa-t2', name: 'Tag qa-t2', description: 'About qa-t2' });
      expect(typeof article!.updatedAt).toBe('string');
      expect(Number.isNaN(Date.parse(article!.updatedAt))).toBe(false);
    });

    it('returns a seeded story with its demo tags and authors', async () => {
      const demo = demoArticles.find((a) => demoArticleIsVisible(a) && a.tags.length > 1 && a.authors.length > 0)!;
      const [row] = await tdb.db.select({ id: articles.id }).from(articles).where(eq(articles.title, demo.title));
      const article = await getArticle(tdb.db, row!.id);
      expect(article?.title).toBe(demo.title);
      expect(article?.publishedAt).toBe(new Date(demo.publishedAt).toISOString());
      expect(article?.viewCount).toBe(demo.views);
      expect(article?.tags.map((t) => t.slug)).toEqual(demo.tags);
      expect(article?.authors.map((a) => a.slug)).toEqual(demo.authors);
    });
  });

  describe('lists', () => {
    const isNewestFirst = (list: ArticleCardDTO[]) =>
      list.every((a, i) => {
        const next = list[i + 1];
        if (!next) return true;
        const d = Date.parse(a.publishedAt) - Date.parse(next.publishedAt);
        return d > 0 || (d === 0 && a.id > next.id);
      });

    it('orders newest first, ties by id descending', async () => {
      const all = await listArticles(tdb.db, {}, { limit: ALL });
      expect(all.length).toBeGreaterThan(20);
      expect(isNewestFirst(all)).toBe(true);
      expect(ids(await listArticles(tdb.db, { sectionIds: [sectionIds['qa-ties']!] }, { limit: ALL }))).toEqual([
        id('tieNew'),
        id('tieC'),
        id('tieB'),
        id('tieA'),
        id('tieOld'),
      ]);
    });

    it('pages through a list: sizes, page count, and an empty page past the end', async () => {
      const filter: ArticleListFilter = { sectionIds: [sectionIds['qa-pager']!] };
      const expected = [1, 2, 3, 4, 5, 6, 7].map((i) => id(`page${i}`));
      const p1 = await pageOfArticles(tdb.db, filter, 1, 3);
      const p2 = await pageOfArticles(tdb.db, filter, 2, 3);
      const p3 = await pageOfArticles(tdb.db, filter, 3, 3);
      const p4 = await pageOfArticles(tdb.db, filter, 4, 3);
      expect([p1, p2, p3, p4].map((p) => p.items.length)).toEqual([3, 3, 1, 0]);
      for (const [i, p] of [p1, p2, p3, p4].entries()) {
        expect(p).toMatchObject({ total: 7, page: i + 1, pageSize: 3, pageCount: 3 });
      }
      expect([...ids(p1.items), ...ids(p2.items), ...ids(p3.items)]).toEqual(expected);
      expect((await pageOfArticles(tdb.db, filter, 1, 7)).pageCount).toBe(1);
      expect((await pageOfArticles(tdb.db, filter, 1, 6)).pageCount).toBe(2);
      const big = await pageOfArticles(tdb.db, filter, 1, 100);
      expect(big).toMatchObject({ total: 7, pageCount: 1 });
      expect(ids(big.items)).toEqual(expected);
      expect(await pageOfArticles(tdb.db, filter, 999, 3)).toMatchObject({ items: [], total: 7, pageCount: 3 });
    });

    it('reports one empty page for a section without stories, and for an empty section list', async () => {
      expect(await pageOfArticles(tdb.db, { sectionIds: [sectionIds['qa-empty']!] }, 1, 10)).toEqual({
        items: [],
        total: 0,
        page: 1,
        pageSize: 10,
        pageCount: 1,
      });
      expect(await countArticles(tdb.db, { sectionIds: [] })).toBe(0);
      expect(await listArticles(tdb.db, { sectionIds: [] }, { limit: 10 })).toEqual([]);
    });

    it('rolls a section up with its subsections through sectionFamilyIds', async () => {
      const all = await listSections(tdb.db);
      const family = sectionFamilyIds(all, sectionIds.qa!);
      expect([...family].sort()).toEqual([sectionIds.qa, sectionIds['qa-sub']].sort());
      expect(ids(await listArticles(tdb.db, { sectionIds: family }, { limit: ALL }))).toEqual([
        id('pubNew'),
        id('subVisible'),
        id('pastScheduled'),
        id('pubOld'),
      ]);
      expect(ids(await listArticles(tdb.db, { sectionIds: [sectionIds['qa-sub']!] }, { limit: ALL }))).toEqual([id('subVisible')]);
    });

    it('counts each demo parent section with its subsections', async () => {
      const all = await listSections(tdb.db);
      for (const parent of demoSections.filter((s) => demoSections.some((c) => c.parent === s.slug))) {
        const root = all.find((s) => s.slug === parent.slug)!;
        const familySlugs = new Set([parent.slug, ...demoSections.filter((s) => s.parent === parent.slug).map((s) => s.slug)]);
        const expected = demoArticles.filter((a) => familySlugs.has(a.section) && demoArticleIsVisible(a)).length;
        expect(expected, parent.slug).toBeGreaterThan(0);
        expect(await countArticles(tdb.db, { sectionIds: sectionFamilyIds(all, root.id) }), parent.slug).toBe(expected);
        const own = demoArticles.filter((a) => a.section === parent.slug && demoArticleIsVisible(a)).length;
        expect(await countArticles(tdb.db, { sectionIds: [root.id] }), parent.slug).toBe(own);
      }
    });

    it('filters by tag, visible stories only', async () => {
      expect(ids(await listArticles(tdb.db, { tagId: tagIds['qa-t1']! }, { limit: ALL }))).toEqual([
        id('pubNew'),
        id('pastScheduled'),
        id('pubOld'),
      ]);
      expect(await countArticles(tdb.db, { tagId: tagIds['qa-unused']! })).toBe(0);
      for (const tag of demoTags) {
        const row = await getTagBySlug(tdb.db, tag.slug);
        const expected = demoArticles.filter((a) => a.tags.includes(tag.slug) && demoArticleIsVisible(a)).length;
        expect(await countArticles(tdb.db, { tagId: row!.id }), tag.slug).toBe(expected);
      }
    });

    it('filters by author, visible stories only', async () => {
      expect(ids(await listArticles(tdb.db, { authorId: userIds['qa-author-a']! }, { limit: ALL }))).toEqual([
        id('pubNew'),
        id('pubOld'),
      ]);
      expect(await countArticles(tdb.db, { authorId: userIds['qa-drafts-only']! })).toBe(0);
      for (const author of demoAuthors) {
        const row = await getAuthorBySlug(tdb.db, author.slug);
        const expected = demoArticles.filter((a) => a.authors.includes(author.slug) && demoArticleIsVisible(a)).length;
        expect(await countArticles(tdb.db, { authorId: row!.id }), author.slug).toBe(expected);
      }
    });

    it('combines section, tag, author and exclusion filters', async () => {
      const qa = sectionIds.qa!;
      expect(ids(await listArticles(tdb.db, { sectionIds: [qa], tagId: tagIds['qa-t1']!, authorId: userIds['qa-author-a']! }, { limit: ALL }))).toEqual([
        id('pubNew'),
        id('pubOld'),
      ]);
      expect(ids(await listArticles(tdb.db, { sectionIds: [qa], excludeIds: [id('pubNew')] }, { limit: ALL }))).toEqual([
        id('pastScheduled'),
        id('pubOld'),
      ]);
      expect(ids(await listArticles(tdb.db, { sectionIds: [qa], excludeIds: [id('pubNew'), id('pubOld')] }, { limit: ALL }))).toEqual([
        id('pastScheduled'),
      ]);
      expect(await countArticles(tdb.db, { sectionIds: [qa], excludeIds: [] })).toBe(3);
    });

    it('respects limit and offset', async () => {
      const filter = { sectionIds: [sectionIds['qa-pager']!] };
      expect(ids(await listArticles(tdb.db, filter, { limit: 2, offset: 5 }))).toEqual([id('page6'), id('page7')]);
      expect(await listArticles(tdb.db, filter, { limit: 2, offset: 7 })).toEqual([]);
    });

    it('getLeadStories puts pinned, then featured, then the newest first', async () => {
      const lead = await getLeadStories(tdb.db, ALL);
      const key = (a: ArticleCardDTO) => [Number(a.pinned), Number(a.featured), Date.parse(a.publishedAt), a.id];
      for (let i = 0; i + 1 < lead.length; i++) {
        const [x, y] = [key(lead[i]!), key(lead[i + 1]!)];
        const cmp = x.findIndex((v, j) => v !== y[j]);
        expect(cmp === -1 || x[cmp]! > y[cmp]!, `${lead[i]!.id} before ${lead[i + 1]!.id}`).toBe(true);
      }
      expect(lead[0]?.pinned).toBe(true);
      expect(ids(await getLeadStories(tdb.db, 1))).toEqual([lead[0]!.id]);
      const pinnedVisible = lead.filter((a) => a.pinned).map((a) => a.id);
      expect(pinnedVisible).toContain(id('pastScheduled'));
      expect(pinnedVisible.length).toBe(demoArticles.filter((a) => a.pinned && demoArticleIsVisible(a)).length + 1);
    });

    it('getMostRead orders by views, highest first', async () => {
      const top = await getMostRead(tdb.db, 10);
      expect(top.length).toBe(10);
      for (let i = 0; i + 1 < top.length; i++) expect(top[i]!.viewCount).toBeGreaterThanOrEqual(top[i + 1]!.viewCount);
      const demoTop = Math.max(...demoArticles.filter((a) => demoArticleIsVisible(a)).map((a) => a.views));
      expect(top[1]!.viewCount).toBe(demoTop);
      expect(typeof top[0]!.viewCount).toBe('number');
    });
  });

  describe('getNeighbours', () => {
    async function neighboursOf(key: string) {
      const article = await getArticle(tdb.db, id(key));
      return getNeighbours(tdb.db, article!);
    }

    it('returns the older story as previous and the newer as next, in the same section, skipping invisible ones', async () => {
      const n = await neighboursOf('pastScheduled');
      // Older in qa: trashed (-4d), draft/inReview/archived (-5d) are skipped; pubOld (-10d) is next in line.
      expect(n.previous?.id).toBe(id('pubOld'));
      // Newer: subVisible (-2d) is in the subsection, not the same section.
      expect(n.next?.id).toBe(id('pubNew'));
    });

    it('has no next for the newest visible story, even with future ones waiting', async () => {
      const n = await neighboursOf('pubNew');
      expect(n.previous?.id).toBe(id('pastScheduled'));
      expect(n.next).toBeNull();
    });

    it('has no previous for the oldest story of its section', async () => {
      const n = await neighboursOf('pubOld');
      expect(n.previous).toBeNull();
      expect(n.next?.id).toBe(id('pastScheduled'));
    });

    it('has neither for the only story of a section', async () => {
      expect(await neighboursOf('subVisible')).toEqual({ previous: null, next: null });
    });

    it('breaks ties on published_at by id, agreeing with the list order', async () => {
      const list = ids(await listArticles(tdb.db, { sectionIds: [sectionIds['qa-ties']!] }, { limit: ALL }));
      expect(list).toEqual(['tieNew', 'tieC', 'tieB', 'tieA', 'tieOld'].map(id));
      for (const [i, articleId] of list.entries()) {
        const article = await getArticle(tdb.db, articleId);
        const n = await getNeighbours(tdb.db, article!);
        expect(n.previous?.id ?? null, `previous of ${articleId}`).toBe(list[i + 1] ?? null);
        expect(n.next?.id ?? null, `next of ${articleId}`).toBe(list[i - 1] ?? null);
      }
    });

    it('walks every demo section consistently with its list', async () => {
      for (const s of await listSections(tdb.db)) {
        if (s.slug.startsWith('qa')) continue;
        const list = await listArticles(tdb.db, { sectionIds: [s.id] }, { limit: ALL });
        for (const [i, card] of list.entries()) {
          const n = await getNeighbours(tdb.db, card);
          expect(n.previous?.id ?? null).toBe(list[i + 1]?.id ?? null);
          expect(n.next?.id ?? null).toBe(list[i - 1]?.id ?? null);
        }
      }
    });

    // PRODUCT BUG (latent): PostgreSQL keeps microseconds, the DTO's ISO string only milliseconds.
    // getNeighbours compares the database value with the truncated one, so when published_at has
    // sub-millisecond digits (e.g. set with SQL now()), a story sharing that instant with a lower id
    // is reported as *newer* (next) instead of previous, and the two stories point at each other.
    it('breaks ties by id when published_at carries microseconds', async () => {
      const micro = sql`'2026-01-10 08:00:00.123456+00'::timestamptz`;
      const [old] = await tdb.db
        .insert(articles)
        .values({ slug: 't-micro-old', title: 'micro old', bodyJson: {}, sectionId: sectionIds['qa-micro']!, status: 'published', publishedAt: new Date('2026-01-09T00:00:00Z') })
        .returning({ id: articles.id });
      const [a] = await tdb.db
        .insert(articles)
        .values({ slug: 't-micro-a', title: 'micro a', bodyJson: {}, sectionId: sectionIds['qa-micro']!, status: 'published', publishedAt: micro as never })
        .returning({ id: articles.id });
      const [b] = await tdb.db
        .insert(articles)
        .values({ slug: 't-micro-b', title: 'micro b', bodyJson: {}, sectionId: sectionIds['qa-micro']!, status: 'published', publishedAt: micro as never })
        .returning({ id: articles.id });
      const list = ids(await listArticles(tdb.db, { sectionIds: [sectionIds['qa-micro']!] }, { limit: 10 }));
      expect(list).toEqual([b!.id, a!.id, old!.id]);
      const cardB = (await getArticle(tdb.db, b!.id))!;
      const n = await getNeighbours(tdb.db, cardB);
      expect(n.previous?.id).toBe(a!.id);
      expect(n.next).toBeNull();
    });
  });

  describe('getRelated', () => {
    const relX = () => ({ id: id('relX'), sectionId: sectionIds['qa-rel']!, tagIds: [tagIds['rel-a']!, tagIds['rel-b']!] });

    it('ranks by shared tags, then same section, then newest; excludes itself, invisible and unrelated stories', async () => {
      expect(ids(await getRelated(tdb.db, relX(), 10))).toEqual([
        id('relBoth'), // two shared tags, other section, oldest of all
        id('relOneSame'), // one shared tag, same section
        id('relOneOtherNew'), // one shared tag, other section, newer
        id('relOneOtherOld'), // one shared tag, other section, older
        id('relSameNoTags'), // no shared tag, same section
      ]);
    });

    it('respects the limit', async () => {
      expect(ids(await getRelated(tdb.db, relX(), 2))).toEqual([id('relBoth'), id('relOneSame')]);
    });

    // PRODUCT BUG: with no tags, `shared` is the SQL literal `0`, and `order by 0 desc` is read by
    // PostgreSQL as a column position: "ORDER BY position 0 is not in select list" (42P10). The
    // article page calls getRelated for every story, so any untagged story fails to render.
    it('falls back to the newest stories of the same section when the story has no tags', async () => {
      const related = await getRelated(tdb.db, { ...relX(), tagIds: [] }, 10);
      expect(ids(related)).toEqual([id('relSameNoTags'), id('relOneSame')]);
    });

    it('never returns the story itself or an invisible story, for any tagged story', async () => {
      const hidden = new Set(invisibleFixtureIds());
      const tagged = await tdb.db.selectDistinct({ id: articleTags.articleId }).from(articleTags);
      let checked = 0;
      for (const { id: articleId } of tagged) {
        const article = await getArticle(tdb.db, articleId);
        if (!article) continue;
        checked++;
        const related = await getRelated(tdb.db, { id: articleId, sectionId: article.sectionId, tagIds: article.tags.map((t) => t.id) }, 20);
        expect(ids(related), article.slug).not.toContain(articleId);
        expect(related.filter((r) => hidden.has(r.id)), article.slug).toEqual([]);
      }
      expect(checked).toBeGreaterThan(demoArticles.filter((a) => demoArticleIsVisible(a)).length);
    });
  });

  describe('lookups by slug and path', () => {
    it('getTagBySlug finds a tag and returns null for an unknown slug', async () => {
      expect(await getTagBySlug(tdb.db, 'qa-t1')).toEqual({ id: tagIds['qa-t1'], slug: 'qa-t1', name: 'Tag qa-t1', description: 'About qa-t1' });
      const demo = demoTags[1]!;
      expect(await getTagBySlug(tdb.db, demo.slug)).toMatchObject({ slug: demo.slug, name: demo.name });
      expect(await getTagBySlug(tdb.db, 'no-such-tag')).toBeNull();
      expect(await getTagBySlug(tdb.db, 'QA-T1')).toBeNull();
    });

    it('getAuthorBySlug finds credited authors only', async () => {
      expect(await getAuthorBySlug(tdb.db, 'qa-author-a')).toEqual({
        id: userIds['qa-author-a'],
        slug: 'qa-author-a',
        name: 'Name qa-author-a',
        bio: 'Bio qa-author-a',
        avatarUrl: null,
      });
      const demo = demoAuthors[0]!;
      expect(await getAuthorBySlug(tdb.db, demo.slug)).toMatchObject({ slug: demo.slug, name: demo.name, bio: demo.bio });
      expect(await getAuthorBySlug(tdb.db, 'qa-no-articles')).toBeNull();
      expect(await getAuthorBySlug(tdb.db, 'nobody')).toBeNull();
    });

    it('getPageBySlug returns published pages and never a draft', async () => {
      const about = demoPages[0]!;
      const page = await getPageBySlug(tdb.db, about.slug);
      expect(page).toMatchObject({ slug: about.slug, title: about.title });
      expect(page!.bodyHtml).toMatch(/^<p>/);
      expect(Number.isNaN(Date.parse(page!.updatedAt))).toBe(false);
      expect(await getPageBySlug(tdb.db, 'qa-draft-page')).toBeNull();
      expect(await getPageBySlug(tdb.db, 'no-such-page')).toBeNull();
    });

    it('getRedirect matches the exact path and keeps the status code', async () => {
      expect(await getRedirect(tdb.db, '/old-news/1.html')).toEqual({ toPath: '/articles/1', statusCode: 301 });
      expect(await getRedirect(tdb.db, '/temporary')).toEqual({ toPath: '/news', statusCode: 302 });
      expect(await getRedirect(tdb.db, '/temporary/')).toBeNull();
      expect(await getRedirect(tdb.db, '/TEMPORARY')).toBeNull();
      expect(await getRedirect(tdb.db, '/old-news/%')).toBeNull();
    });

    it('getSiteSettings returns the seeded settings', async () => {
      const settings = await getSiteSettings(tdb.db);
      expect(settings).toMatchObject({ name: demoSite.name, tagline: demoSite.tagline, reprintTemplate: demoSite.reprintTemplate, locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
      expect(settings.nav.length).toBeGreaterThan(0);
    });

    it('listSections orders by sort order, then id', async () => {
      const all = await listSections(tdb.db);
      expect(all.length).toBe(demoSections.length + Object.keys(sectionIds).length);
      for (let i = 0; i + 1 < all.length; i++) {
        const [a, b] = [all[i]!, all[i + 1]!];
        expect(a.sortOrder < b.sortOrder || (a.sortOrder === b.sortOrder && a.id < b.id)).toBe(true);
      }
    });
  });
});
