import { z } from './zod';
import { optionalUrl } from './article';
import { line, multiline, requiredLine } from './text';

/** A topic lists at most this many stories. */
export const TOPIC_STORIES_MAX = 200;

export const topicInput = z.object({
  title: requiredLine(120, 'titleRequired'),
  /** Empty: made from the title on create, kept on edit. */
  slug: line(120).default(''),
  intro: multiline(2000).default(''),
  coverImageUrl: optionalUrl.prefault(''),
  coverImageAlt: line(300).default(''),
  published: z.boolean().default(false),
  /** The stories in their order: one per line, an id or a story's address (/articles/123-slug, or a full URL). */
  stories: z.string().max(50_000, 'atMost').default(''),
});

export type TopicInput = z.output<typeof topicInput>;

/**
 * The story ids of `text` in its order, without repeats, and the lines that name no story. A line
 * is an id or any address whose path is /articles/{id}[-slug] (the site's own, copied from a page).
 */
export function parseStoryRefs(text: string): { ids: number[]; bad: string[] } {
  const ids: number[] = [];
  const bad: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(\d{1,10})$/.exec(line) ?? /(?:^|\/)articles\/(\d{1,10})(?:-[^/?#]*)?\/?(?:[?#].*)?$/.exec(line);
    const id = match ? Number(match[1]) : NaN;
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) bad.push(line.slice(0, 80));
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, bad };
}
