import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { articles, topicArticles, topics } from '../schema';
import type { ArticleCardDTO } from './dto';
import { cardColumns, toCard } from './public';
import { articleIsVisible } from './visibility';
import { TOPIC_STORIES_MAX } from '../../domain/validation/topic';

/** 专题 as readers see one: published only. */
export interface TopicDTO {
  id: number;
  slug: string;
  title: string;
  intro: string;
  coverImageUrl: string | null;
  coverImageAlt: string;
  updatedAt: string;
}

const topicColumns = {
  id: topics.id,
  slug: topics.slug,
  title: topics.title,
  intro: topics.intro,
  coverImageUrl: topics.coverImageUrl,
  coverImageAlt: topics.coverImageAlt,
  updatedAt: topics.updatedAt,
};

const toTopic = (row: { updatedAt: Date } & Omit<TopicDTO, 'updatedAt'>): TopicDTO => ({ ...row, updatedAt: row.updatedAt.toISOString() });

/** A published topic by its slug (topics_slug_key). */
export async function getTopicBySlug(db: Database, slug: string): Promise<TopicDTO | null> {
  const [row] = await db.select(topicColumns).from(topics).where(and(eq(topics.slug, slug), eq(topics.published, true)));
  return row ? toTopic(row) : null;
}

/** The published topics, most recently changed first (topics_published_idx). */
export async function listPublishedTopics(db: Database): Promise<TopicDTO[]> {
  const rows = await db.select(topicColumns).from(topics).where(eq(topics.published, true)).orderBy(desc(topics.updatedAt), desc(topics.id)).limit(200);
  return rows.map(toTopic);
}

/** A topic's stories that readers can see, in the editors' order (topic_articles_order_idx). */
export async function getTopicStories(db: Database, topicId: number): Promise<ArticleCardDTO[]> {
  const rows = await db
    .select(cardColumns)
    .from(topicArticles)
    .innerJoin(articles, eq(articles.id, topicArticles.articleId))
    .where(and(eq(topicArticles.topicId, topicId), articleIsVisible))
    .orderBy(asc(topicArticles.sortOrder))
    .limit(TOPIC_STORIES_MAX);
  return rows.map(toCard);
}
