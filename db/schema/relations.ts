import { relations } from 'drizzle-orm';
import { articleAuthors, articleRevisions, articles, articleTags } from './articles';
import { auditLog, articlePresence } from './admin';
import { sections } from './sections';
import { articleViewsDaily } from './views';
import { media } from './media';
import { tags } from './tags';
import { users } from './users';

export const sectionsRelations = relations(sections, ({ one, many }) => ({
  parent: one(sections, { fields: [sections.parentId], references: [sections.id], relationName: 'section_tree' }),
  children: many(sections, { relationName: 'section_tree' }),
  articles: many(articles),
}));

export const articlesRelations = relations(articles, ({ one, many }) => ({
  section: one(sections, { fields: [articles.sectionId], references: [sections.id] }),
  coverMedia: one(media, { fields: [articles.coverMediaId], references: [media.id] }),
  createdBy: one(users, { fields: [articles.createdById], references: [users.id], relationName: 'article_creator' }),
  updatedBy: one(users, { fields: [articles.updatedById], references: [users.id], relationName: 'article_updater' }),
  tags: many(articleTags),
  authors: many(articleAuthors),
  revisions: many(articleRevisions),
}));

export const articleTagsRelations = relations(articleTags, ({ one }) => ({
  article: one(articles, { fields: [articleTags.articleId], references: [articles.id] }),
  tag: one(tags, { fields: [articleTags.tagId], references: [tags.id] }),
}));

export const articleAuthorsRelations = relations(articleAuthors, ({ one }) => ({
  article: one(articles, { fields: [articleAuthors.articleId], references: [articles.id] }),
  user: one(users, { fields: [articleAuthors.userId], references: [users.id] }),
}));

export const articleRevisionsRelations = relations(articleRevisions, ({ one }) => ({
  article: one(articles, { fields: [articleRevisions.articleId], references: [articles.id] }),
  author: one(users, { fields: [articleRevisions.authorId], references: [users.id] }),
}));

export const tagsRelations = relations(tags, ({ many }) => ({ articles: many(articleTags) }));

export const usersRelations = relations(users, ({ many }) => ({
  articles: many(articleAuthors),
  revisions: many(articleRevisions),
}));

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  actor: one(users, { fields: [auditLog.actorId], references: [users.id] }),
}));

export const articlePresenceRelations = relations(articlePresence, ({ one }) => ({
  article: one(articles, { fields: [articlePresence.articleId], references: [articles.id] }),
  user: one(users, { fields: [articlePresence.userId], references: [users.id] }),
}));

export const articleViewsDailyRelations = relations(articleViewsDaily, ({ one }) => ({
  article: one(articles, { fields: [articleViewsDaily.articleId], references: [articles.id] }),
}));

export const mediaRelations = relations(media, ({ one }) => ({
  uploadedBy: one(users, { fields: [media.uploadedById], references: [users.id] }),
}));
