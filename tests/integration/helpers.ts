import { demoArticles } from '@/services/seed/demo-content';

export { rows } from '../fixtures/database';

/** What a reader may see of the demo content right now, by the same rule as `articleIsVisible`. */
export function demoArticleIsVisible(a: (typeof demoArticles)[number], now = Date.now()): boolean {
  const status = a.status ?? 'published';
  return (status === 'published' || status === 'scheduled') && Date.parse(a.publishedAt) <= now;
}

export const visibleDemoArticles = () => demoArticles.filter((a) => demoArticleIsVisible(a));
