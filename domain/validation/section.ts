import { z } from './zod';
import { id, line, multiline, requiredLine } from './text';

export { isReservedSlug, RESERVED_SLUGS } from '../reserved-slugs.mjs';

/** A form's empty option means "none". */
export const optionalId = z.preprocess((value) => (value === '' || value === undefined ? null : value), id.nullable());

export const sortOrder = z.coerce.number().int('wholeNumber').min(-100_000).max(100_000).default(0);

export const sectionInput = z.object({
  title: requiredLine(100, 'titleRequired'),
  /** Empty: generated from the title on create, kept as it is on edit. */
  slug: line(120).default(''),
  parentId: optionalId.default(null),
  description: multiline(1000).default(''),
  seoTitle: line(300).default(''),
  seoDescription: line(500).default(''),
  sortOrder,
});

export type SectionInput = z.output<typeof sectionInput>;
