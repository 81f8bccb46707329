import { z } from './zod';
import { id, line, multiline, requiredLine } from './text';

export const tagInput = z.object({
  name: requiredLine(60, 'nameRequired'),
  /** Empty: generated from the name on create, kept as it is on rename. */
  slug: line(120).default(''),
  description: multiline(1000).default(''),
});

export type TagInput = z.output<typeof tagInput>;

export const mergeTagsInput = z
  .object({ sourceId: id, targetId: id })
  .refine((v) => v.sourceId !== v.targetId, { message: 'mergeSame', path: ['targetId'] });
