import { boolean, index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { articles } from './articles';

/**
 * 专题 / topics: an ordered collection of stories with its own page (/topics/{slug}), cover,
 * introduction and feed. Only published topics are shown to readers; within one, only the stories
 * readers can see, in the editors' order.
 */
export const topics = pgTable(
  'topics',
  {
    id: serial().primaryKey(),
    slug: text().notNull(),
    title: text().notNull(),
    intro: text().notNull().default(''),
    coverImageUrl: text(),
    coverImageAlt: text().notNull().default(''),
    published: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex('topics_slug_key').on(t.slug), index('topics_published_idx').on(t.published, t.updatedAt.desc())],
);

export const topicArticles = pgTable(
  'topic_articles',
  {
    topicId: integer()
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    sortOrder: integer().notNull(),
  },
  // The topic's page reads its stories in order; a story's page reads its topics.
  (t) => [primaryKey({ columns: [t.topicId, t.articleId] }), index('topic_articles_order_idx').on(t.topicId, t.sortOrder), index('topic_articles_article_idx').on(t.articleId)],
);
