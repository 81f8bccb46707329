import { z } from './zod';
import { pageRichTextBody } from './article';
import { sortOrder } from './section';
import { line, requiredLine } from './text';

export const pageInput = z.object({
  title: requiredLine(200, 'titleRequired'),
  /** Empty: generated from the title on create, kept as it is on edit. */
  slug: line(120).default(''),
  body: pageRichTextBody,
  seoTitle: line(300).default(''),
  seoDescription: line(500).default(''),
  sortOrder,
});

export type PageInput = z.output<typeof pageInput>;
