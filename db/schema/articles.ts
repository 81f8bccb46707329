import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { articleStatus, siteLocale } from './enums';
import { sections } from './sections';
import { tags } from './tags';
import { users } from './users';
import { media } from './media';

/** PostgreSQL's full-text document type; Drizzle has no built-in for it. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const articles = pgTable(
  'articles',
  {
    id: serial().primaryKey(),
    slug: text().notNull(),
    title: text().notNull(),
    subtitle: text().notNull().default(''),
    excerpt: text().notNull().default(''),
    /** The editor's document (Tiptap/ProseMirror JSON), the source of truth. */
    bodyJson: jsonb().$type<unknown>().notNull(),
    /** Sanitised HTML rendered from bodyJson on save; what readers get. */
    bodyHtml: text().notNull().default(''),
    /** Plain text for excerpts, word counts and search. */
    bodyText: text().notNull().default(''),
    coverImageUrl: text(),
    coverImageAlt: text().notNull().default(''),
    /** Set when the cover comes from the media library: readers get its responsive variants. */
    coverMediaId: integer().references(() => media.id, { onDelete: 'set null' }),
    /** Printed under the cover: what it shows, and 图片来源 / "Photo:" whose it is. */
    coverCaption: text().notNull().default(''),
    coverCredit: text().notNull().default(''),
    sectionId: integer()
      .notNull()
      .references(() => sections.id, { onDelete: 'restrict' }),
    byline: text().notNull().default(''),
    source: text().notNull().default(''),
    /** 责任编辑 as typed; empty: the staff member who published the story is credited (publishedById). */
    editorName: text().notNull().default(''),
    locale: siteLocale().notNull().default('zh-CN'),
    status: articleStatus().notNull().default('draft'),
    publishedAt: timestamp({ withTimezone: true }),
    /** Optimistic lock: each save names the version it started from. */
    version: integer().notNull().default(1),
    seoTitle: text(),
    seoDescription: text(),
    /** The author's note to the reviewer when submitting for review. */
    reviewNote: text().notNull().default(''),
    featured: boolean().notNull().default(false),
    pinned: boolean().notNull().default(false),
    /** 置顶至: the pin ends by itself then (services/scheduled.ts); null pins until unpinned. */
    pinnedUntil: timestamp({ withTimezone: true }),
    viewCount: bigint({ mode: 'number' }).notNull().default(0),
    createdById: integer().references(() => users.id, { onDelete: 'set null' }),
    updatedById: integer().references(() => users.id, { onDelete: 'set null' }),
    /** Who last published or scheduled the story: the 责任编辑 when none is typed. */
    publishedById: integer().references(() => users.id, { onDelete: 'set null' }),
    deletedAt: timestamp({ withTimezone: true }),
    ...timestamps,
    /**
     * Reader search (CJK characters and bigrams, words and their English stems: drizzle/0003 and
     * 0006), kept by PostgreSQL itself from the text columns, so no write path can leave it stale.
     * search_vector is every term as a set, for matching through the GIN index; search_head is the
     * title (weight A) and subtitle (B) with positions, small enough to rank head matches on
     * (docs/decisions/0007-search-at-scale.md).
     */
    searchVector: tsvector().generatedAlwaysAs(
      (): SQL => sql`gazette_search_document(${articles.title}, ${articles.subtitle}, ${articles.excerpt}, ${articles.bodyText})`,
    ),
    searchHead: tsvector().generatedAlwaysAs((): SQL => sql`gazette_search_head(${articles.title}, ${articles.subtitle})`),
  },
  (t) => [
    uniqueIndex('articles_slug_key').on(t.slug),
    index('articles_search_idx').using('gin', t.searchVector),
    index('articles_search_head_idx').using('gin', t.searchHead),
    // Reader lists: latest published, per section, featured/pinned first, most read.
    index('articles_visible_published_idx')
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} in ('published', 'scheduled') and ${t.deletedAt} is null`),
    index('articles_section_published_idx')
      .on(t.sectionId, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} in ('published', 'scheduled') and ${t.deletedAt} is null`),
    // The front page's lead: pinned first, then featured, then the newest.
    index('articles_lead_idx')
      .on(t.pinned.desc().nullsFirst(), t.featured.desc().nullsFirst(), t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} in ('published', 'scheduled') and ${t.deletedAt} is null`),
    // A section's pinned stories (置顶), which lead its list.
    index('articles_section_pinned_idx')
      .on(t.sectionId, t.publishedAt.desc().nullsFirst())
      .where(sql`${t.pinned} and ${t.status} in ('published', 'scheduled') and ${t.deletedAt} is null`),
    // Pins with an end, for the tick that ends them (every 30 s: it must not read the archive).
    index('articles_pin_end_idx').on(t.pinnedUntil).where(sql`${t.pinned}`),
    index('articles_view_count_idx').on(t.viewCount.desc().nullsFirst()),
    // Admin lists (not in the trash): by status and recency, by recency, by publish time, by title.
    index('articles_status_updated_idx').on(t.status, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('articles_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
    index('articles_published_admin_idx').on(t.publishedAt.desc().nullsLast(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
    index('articles_title_idx').on(t.title, t.id).where(sql`${t.deletedAt} is null`),
    // The admin list's capped count filtered by a tag or an author: merged in id order with the link
    // table's (tag_id, article_id) index, without reading the table (61 → 10 ms for a tag of 280,000
    // stories out of 1,000,000).
    index('articles_live_id_idx').on(t.id).where(sql`${t.deletedAt} is null`),
    // Stories whose publish time is still ahead (定时): few, found by status and time, not by scanning.
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    index('articles_created_by_idx').on(t.createdById),
    index('articles_cover_media_idx').on(t.coverMediaId),
  ],
);

/**
 * A copy of the article's listing state on its tag and author links, so that a tag's or an author's
 * archive is one index range read newest first, whatever the archive's size (a join through
 * articles would read every story of the tag and sort them). Only triggers write these columns
 * (drizzle/0005_archive_scale.sql): on insert of a link and when an article's status, publish time
 * or trash state changes. `listed` is the time-independent part of `articleIsVisible`; readers
 * still check `published_at <= now()` and the article's own visibility.
 */
const listingCopy = {
  publishedAt: timestamp({ withTimezone: true }),
  listed: boolean().notNull().default(false),
};

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer()
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    sortOrder: integer().notNull().default(0),
    ...listingCopy,
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tagId] }),
    index('article_tags_tag_idx').on(t.tagId, t.articleId),
    // A tag's archive, newest first, read straight from this index (see listingCopy).
    index('article_tags_listed_idx').on(t.tagId, t.publishedAt.desc().nullsFirst(), t.articleId.desc().nullsFirst()).where(sql`${t.listed}`),
  ],
);

export const articleAuthors = pgTable(
  'article_authors',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sortOrder: integer().notNull().default(0),
    ...listingCopy,
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.userId] }),
    index('article_authors_user_idx').on(t.userId, t.articleId),
    index('article_authors_listed_idx').on(t.userId, t.publishedAt.desc().nullsFirst(), t.articleId.desc().nullsFirst()).where(sql`${t.listed}`),
  ],
);

/** A snapshot per content-changing save; restoring one creates a new revision. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: serial().primaryKey(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    title: text().notNull(),
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    /** save | publish | restore | autosave (autosaves replace each other within a window) */
    kind: text().notNull().default('save'),
    /** Field names that changed against the previous revision. */
    changedFields: jsonb().$type<string[]>().notNull().default([]),
    note: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [index('article_revisions_article_idx').on(t.articleId, t.createdAt.desc().nullsFirst())],
);
