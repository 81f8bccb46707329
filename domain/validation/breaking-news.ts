import { z } from './zod';
import { requiredLine } from './text';
import { optionalHref } from './settings';

export const BREAKING_TEXT_MAX = 120;
/** How long a banner may stay up, in hours: breaking news that runs for days is no longer breaking. */
export const BREAKING_HOURS = [1, 2, 4, 8, 12, 24, 48, 72] as const;

export const breakingNewsInput = z.object({
  text: requiredLine(BREAKING_TEXT_MAX),
  href: optionalHref,
  hours: z.coerce.number().pipe(z.union(BREAKING_HOURS.map((h) => z.literal(h)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>], { error: 'breakingHoursInvalid' })),
});

export type BreakingNewsInput = z.output<typeof breakingNewsInput>;
