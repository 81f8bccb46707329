import fs from 'node:fs';
import path from 'node:path';
import { count, eq, is, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getTableConfig, isPgEnum, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/db/migrate';
import * as schema from '@/db/schema';
import { articleAuthors, articles, articleTags, articleViewsDaily, auditLog, pages, sections, siteSettings, tags, users } from '@/db/schema';
import { clearContent, hasContent, seedDemo } from '@/services/seed';
import { demoArticles, demoAuthors, demoPages, demoSections, demoSite, demoTags } from '@/services/seed/demo-content';
import { slugify } from '@/domain/slug';
import { getMostReadSince } from '@/db/queries/views';
import { dayInZone, daysBetween } from '@/domain/views/day';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { rows } from './helpers';

const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'drizzle/meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};

const schemaExports: unknown[] = Object.values(schema);

const schemaTables = schemaExports
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableConfig(table));

const schemaEnums = schemaExports.filter(isPgEnum);

const dbName = (column: { name: string; keyAsName: boolean }) => (column.keyAsName ? toSnakeCase(column.name) : column.name);

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase({ migrate: false });
});

afterAll(async () => {
  await tdb?.drop();
});

async function publicTables(): Promise<string[]> {
  const result = await rows<{ table_name: string }>(
    tdb.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return result.map((r) => r.table_name);
}

async function columnSnapshot(): Promise<string[]> {
  const result = await rows<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
    tdb.db,
    sql`select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
        where table_schema = 'public' order by table_name, column_name`,
  );
  return result.map((r) => `${r.table_name}.${r.column_name} ${r.data_type} ${r.is_nullable} ${r.column_default ?? ''}`);
}

async function appliedMigrations(): Promise<number> {
  const [row] = await rows<{ n: number | string }>(tdb.db, sql`select count(*) as n from drizzle.__drizzle_migrations`);
  return Number(row?.n);
}

async function tableCount(table: PgTable): Promise<number> {
  const [row] = await tdb.db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

/** Runs a data migration's statement over a settings row holding each stored value in turn. */
async function expectSettingsRewrite(statement: string, field: 'hotline' | 'reprintTemplate', cases: string[][]) {
  for (const [stored, expected] of cases) {
    await tdb.db.delete(siteSettings);
    await tdb.db.insert(siteSettings).values({ id: 1, name: '测试站', [field]: stored! });
    await tdb.db.execute(sql.raw(statement));
    const [row] = await tdb.db.select({ value: siteSettings[field] }).from(siteSettings);
    expect(row!.value, stored).toBe(expected);
  }
  await tdb.db.delete(siteSettings);
}

describe('migrations', () => {
  it('start from a database with no tables', async () => {
    expect(await publicTables()).toEqual([]);
  });

  it('apply every migration in the journal to an empty database', async () => {
    await runMigrations(tdb.db, tdb.kind);
    expect(journal.entries.length).toBeGreaterThan(0);
    expect(await appliedMigrations()).toBe(journal.entries.length);
  });

  it('are idempotent: a second run applies nothing and changes no column', async () => {
    const before = await columnSnapshot();
    await runMigrations(tdb.db, tdb.kind);
    expect(await appliedMigrations()).toBe(journal.entries.length);
    expect(await columnSnapshot()).toEqual(before);
  });

  it('0012 takes a label typed into the hotline off the number, and leaves a bare number or other text alone', async () => {
    const statement = fs.readFileSync(path.join(process.cwd(), 'drizzle/0012_hotline_number.sql'), 'utf8');
    const cases = [
      ['服务热线：400-800-0000', '400-800-0000'],
      ['  Hotline: +86 10 8888 0000 ', '+86 10 8888 0000'],
      ['热线电话 010-12345678', '010-12345678'],
      ['400-800-0000', '400-800-0000'],
      ['周一至周五 9:00–18:00', '周一至周五 9:00–18:00'],
      ['Telecom desk 400-800-0000', 'Telecom desk 400-800-0000'],
      ['', ''],
    ];
    await expectSettingsRewrite(statement, 'hotline', cases);
  });

  it('0019 keeps the address on the reprint line of a site saved before: its template gains {url}, once', async () => {
    const statement = fs.readFileSync(path.join(process.cwd(), 'drizzle/0019_police_filing.sql'), 'utf8').split('--> statement-breakpoint')[1]!;
    const cases = [
      ['转载请标注：{site}——{title}', '转载请标注：{site}——{title} {url}'],
      ['转载请注明：{site}《{title}》{url}', '转载请注明：{site}《{title}》{url}'],
    ];
    await expectSettingsRewrite(statement, 'reprintTemplate', cases);
  });

  it('create exactly the tables the schema declares', async () => {
    expect(schemaTables.length).toBeGreaterThanOrEqual(10);
    expect(await publicTables()).toEqual(schemaTables.map((t) => t.name).sort());
    for (const expected of ['site_settings', 'users', 'sections', 'tags', 'articles', 'article_tags', 'article_authors', 'article_revisions', 'pages', 'redirects']) {
      expect(await publicTables()).toContain(expected);
    }
  });

  it('create every column the schema declares, with its nullability', async () => {
    const actual = await rows<{ table_name: string; column_name: string; is_nullable: string }>(
      tdb.db,
      sql`select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public'`,
    );
    const actualSet = new Set(actual.map((r) => `${r.table_name}.${r.column_name} ${r.is_nullable === 'YES' ? 'null' : 'not null'}`));
    const expected = schemaTables.flatMap((t) =>
      t.columns.map((c) => `${t.name}.${dbName(c)} ${c.notNull || c.primary || t.primaryKeys.some((pk) => pk.columns.includes(c)) ? 'not null' : 'null'}`),
    );
    expect([...actualSet].sort()).toEqual([...expected].sort());
  });

  it('create every index the schema declares', async () => {
    const actual = new Set(
      (await rows<{ indexname: string }>(tdb.db, sql`select indexname from pg_indexes where schemaname = 'public'`)).map((r) => r.indexname),
    );
    const declared = schemaTables.flatMap((t) => t.indexes.map((i) => i.config.name));
    expect(declared.length).toBeGreaterThan(5);
    for (const name of declared) expect(actual, name).toContain(name);
  });

  it('create the enums with the schema values, in order', async () => {
    const result = await rows<{ typname: string; enumlabel: string }>(
      tdb.db,
      sql`select t.typname, e.enumlabel from pg_type t join pg_enum e on e.enumtypid = t.oid order by t.typname, e.enumsortorder`,
    );
    const actual: Record<string, string[]> = {};
    for (const r of result) (actual[r.typname] ??= []).push(r.enumlabel);
    expect(schemaEnums.length).toBeGreaterThanOrEqual(4);
    for (const e of schemaEnums) expect(actual[e.enumName], e.enumName).toEqual([...e.enumValues]);
  });
});

describe('demo seed', () => {
  it('reports no content on a freshly migrated database', async () => {
    expect(await hasContent(tdb.db)).toBe(false);
    expect(await tableCount(articles)).toBe(0);
  });

  it('inserts the demo content with counts matching demo-content.ts', async () => {
    const result = await seedDemo(tdb.db);
    expect(result.articles).toBe(demoArticles.length);
    expect(await hasContent(tdb.db)).toBe(true);
    expect(await tableCount(siteSettings)).toBe(1);
    expect(await tableCount(sections)).toBe(demoSections.length);
    expect(await tableCount(tags)).toBe(demoTags.length);
    expect(await tableCount(pages)).toBe(demoPages.length);
    expect(await tableCount(articles)).toBe(demoArticles.length);
    expect(await tableCount(users)).toBe(new Set(demoAuthors.map((a) => a.slug)).size);
    expect(await tableCount(articleTags)).toBe(demoArticles.reduce((n, a) => n + new Set(a.tags).size, 0));
    expect(await tableCount(articleAuthors)).toBe(demoArticles.reduce((n, a) => n + new Set(a.authors).size, 0));
  });

  it('keeps each demo article status', async () => {
    const expected: Record<string, number> = {};
    for (const a of demoArticles) expected[a.status ?? 'published'] = (expected[a.status ?? 'published'] ?? 0) + 1;
    const actual = await tdb.db.select({ status: articles.status, n: count() }).from(articles).groupBy(articles.status);
    expect(Object.fromEntries(actual.map((r) => [r.status, Number(r.n)]))).toEqual(expected);
  });

  it('0020 credits each published story to the last publisher the audit log names, and touches no other story', async () => {
    const statement = fs.readFileSync(path.join(process.cwd(), 'drizzle/0020_story_credits.sql'), 'utf8').split('--> statement-breakpoint').at(-1)!;
    const [first, second] = await tdb.db.select({ id: articles.id }).from(articles).where(eq(articles.status, 'published')).orderBy(articles.id).limit(2);
    const [a, b] = await tdb.db.select({ id: users.id }).from(users).orderBy(users.id).limit(2);
    await tdb.db.insert(auditLog).values([
      { actorId: a!.id, action: 'article.publish', entityType: 'article', entityId: String(first!.id) },
      { actorId: b!.id, action: 'article.schedule', entityType: 'article', entityId: String(first!.id) },
      { actorId: a!.id, action: 'article.update', entityType: 'article', entityId: String(second!.id) },
      { actorId: a!.id, action: 'section.update', entityType: 'section', entityId: 'not-a-number' },
    ]);
    await tdb.db.execute(sql.raw(statement));
    const credited = await tdb.db.select({ id: articles.id, by: articles.publishedById }).from(articles).where(sql`${articles.publishedById} is not null`);
    expect(credited).toEqual([{ id: first!.id, by: b!.id }]);
    await tdb.db.update(articles).set({ publishedById: null });
    await tdb.db.delete(auditLog);
  });

  it('links subsections to their parents', async () => {
    const all = await tdb.db.select({ id: sections.id, slug: sections.slug, parentId: sections.parentId }).from(sections);
    const idOf = new Map(all.map((s) => [s.slug, s.id]));
    for (const s of demoSections) {
      const row = all.find((r) => r.slug === s.slug);
      expect(row, s.slug).toBeDefined();
      expect(row!.parentId, s.slug).toBe(s.parent ? idOf.get(s.parent) : null);
    }
  });

  it('stores the site settings and a navigation of top-level sections and the first two pages', async () => {
    const [row] = await tdb.db.select().from(siteSettings);
    expect(row?.name).toBe(demoSite.name);
    expect(row?.reprintTemplate).toBe(demoSite.reprintTemplate);
    expect(row?.nav).toEqual([
      ...demoSections.filter((s) => !s.parent).map((s) => ({ label: s.title, href: `/${s.slug}` })),
      ...demoPages.slice(0, 2).map((p) => ({ label: p.title, href: `/${p.slug}` })),
    ]);
  });

  it('gives articles unique slugs derived from their titles, and rendered bodies', async () => {
    const all = await tdb.db
      .select({ slug: articles.slug, title: articles.title, bodyHtml: articles.bodyHtml, bodyText: articles.bodyText })
      .from(articles);
    expect(new Set(all.map((a) => a.slug)).size).toBe(all.length);
    for (const a of all) {
      const base = slugify(a.title);
      expect(a.slug === base || new RegExp(`^${base}-\\d+$`).test(a.slug), a.slug).toBe(true);
      expect(a.bodyHtml).toMatch(/^<(p|h2|h3|ul|ol|blockquote)>/);
      expect(a.bodyText.length).toBeGreaterThan(0);
      expect(a.bodyHtml).not.toMatch(/<script|javascript:/i);
    }
  });

  it('keeps each demo article tags and authors in their listed order', async () => {
    const sample = demoArticles.find((a) => a.tags.length >= 2 && a.authors.length >= 1)!;
    const [row] = await tdb.db.select({ id: articles.id }).from(articles).where(eq(articles.title, sample.title));
    const tagSlugs = await tdb.db
      .select({ slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, row!.id))
      .orderBy(articleTags.sortOrder);
    expect(tagSlugs.map((t) => t.slug)).toEqual(sample.tags);
    const authorSlugs = await tdb.db
      .select({ slug: users.slug })
      .from(articleAuthors)
      .innerJoin(users, eq(users.id, articleAuthors.userId))
      .where(eq(articleAuthors.articleId, row!.id))
      .orderBy(articleAuthors.sortOrder);
    expect(authorSlugs.map((a) => a.slug)).toEqual(sample.authors);
  });

  it('gives published demo articles a view history of the last 30 days, within their totals, so "most read" has something to show', async () => {
    const today = dayInZone(new Date(), 'Asia/Shanghai');
    const history = await tdb.db
      .select({ id: articles.id, status: articles.status, total: articles.viewCount, publishedAt: articles.publishedAt, first: sql<string>`min(${articleViewsDaily.day})`, last: sql<string>`max(${articleViewsDaily.day})`, sum: sql<number>`sum(${articleViewsDaily.views})` })
      .from(articleViewsDaily)
      .innerJoin(articles, eq(articles.id, articleViewsDaily.articleId))
      .groupBy(articles.id);
    expect(history.length).toBeGreaterThan(20);
    for (const row of history) {
      expect(row.status).toBe('published');
      expect(Number(row.sum)).toBeLessThanOrEqual(row.total);
      expect(String(row.last) <= today).toBe(true);
      expect(String(row.first) >= dayInZone(row.publishedAt!, 'Asia/Shanghai')).toBe(true);
      expect(daysBetween(String(row.first), today)).toBeLessThanOrEqual(30);
    }
    const readToday = await getMostReadSince(tdb.db, today, 5);
    expect(readToday).toHaveLength(5);
    expect(readToday.map((a) => a.periodViews)).toEqual([...readToday.map((a) => a.periodViews)].sort((a, b) => b - a));
  });

  it('seeds atomically: a seed that fails part-way leaves nothing behind', async () => {
    // Without the settings row the seed gets past its first insert and fails on the section slugs.
    await tdb.db.delete(siteSettings);
    await expect(seedDemo(tdb.db)).rejects.toThrow();
    expect(await hasContent(tdb.db)).toBe(false); // the settings insert was rolled back
    expect(await tableCount(articles)).toBe(demoArticles.length);
    expect(await tableCount(sections)).toBe(demoSections.length);
  });

  it('clearContent removes the publication but keeps staff accounts with a password', async () => {
    const author = demoAuthors[0]!;
    await tdb.db.update(users).set({ passwordHash: 'hash' }).where(eq(users.slug, author.slug));
    await tdb.db.insert(users).values({ email: 'staff@example.test', name: 'Staff', slug: 'staff-only', passwordHash: 'hash', role: 'editor' });

    await clearContent(tdb.db);

    expect(await hasContent(tdb.db)).toBe(false);
    for (const table of [articles, articleTags, articleAuthors, sections, tags, pages, siteSettings]) {
      expect(await tableCount(table)).toBe(0);
    }
    const left = await tdb.db.select({ slug: users.slug }).from(users).orderBy(users.slug);
    expect(left.map((u) => u.slug)).toEqual([author.slug, 'staff-only'].sort());
  });

  it('seedDemo reseeds after clearContent, reusing a kept author account', async () => {
    await seedDemo(tdb.db);
    expect(await hasContent(tdb.db)).toBe(true);
    expect(await tableCount(articles)).toBe(demoArticles.length);
    expect(await tableCount(sections)).toBe(demoSections.length);
    expect(await tableCount(tags)).toBe(demoTags.length);
    expect(await tableCount(pages)).toBe(demoPages.length);
    expect(await tableCount(users)).toBe(demoAuthors.length + 1);
    // Identities restart, so the demo URLs are stable across reseeds.
    const [first] = await tdb.db.select({ id: articles.id, title: articles.title }).from(articles).orderBy(articles.id).limit(1);
    expect(first).toEqual({ id: 1, title: demoArticles[0]!.title });
    // The kept author still owns her articles.
    const author = demoAuthors[0]!;
    const owned = await tdb.db
      .select({ n: count() })
      .from(articleAuthors)
      .innerJoin(users, eq(users.id, articleAuthors.userId))
      .where(eq(users.slug, author.slug));
    expect(Number(owned[0]?.n)).toBe(demoArticles.filter((a) => a.authors.includes(author.slug)).length);
  });
});

describe('constraints', () => {
  it('allows only one site settings row', async () => {
    await expect(tdb.db.insert(siteSettings).values({ id: 2, name: 'Second' })).rejects.toThrow();
  });

  it('rejects duplicate article, section, tag and user slugs', async () => {
    const [section] = await tdb.db.select({ id: sections.id, slug: sections.slug }).from(sections).limit(1);
    const [article] = await tdb.db.select({ slug: articles.slug }).from(articles).limit(1);
    await expect(
      tdb.db.insert(articles).values({ slug: article!.slug, title: 'dup', bodyJson: { type: 'doc', content: [] }, sectionId: section!.id }),
    ).rejects.toThrow();
    await expect(tdb.db.insert(sections).values({ slug: section!.slug, title: 'dup' })).rejects.toThrow();
    await expect(tdb.db.insert(tags).values({ slug: demoTags[0]!.slug, name: 'another name' })).rejects.toThrow();
    await expect(tdb.db.insert(users).values({ email: 'x@example.test', name: 'x', slug: demoAuthors[1]!.slug })).rejects.toThrow();
  });

  it('refuses to delete a section that still has articles', async () => {
    const [used] = await tdb.db.select({ id: articles.sectionId }).from(articles).limit(1);
    await expect(tdb.db.delete(sections).where(eq(sections.id, used!.id))).rejects.toThrow();
  });

  it('cascades article deletion to its tag and author links', async () => {
    const [row] = await tdb.db
      .select({ id: articles.id })
      .from(articles)
      .where(sql`${articles.id} in (select ${articleTags.articleId} from ${articleTags}) and ${articles.id} in (select ${articleAuthors.articleId} from ${articleAuthors})`)
      .limit(1);
    await tdb.db.delete(articles).where(eq(articles.id, row!.id));
    expect((await tdb.db.select().from(articleTags).where(eq(articleTags.articleId, row!.id))).length).toBe(0);
    expect((await tdb.db.select().from(articleAuthors).where(eq(articleAuthors.articleId, row!.id))).length).toBe(0);
  });
});
