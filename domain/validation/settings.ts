import { z } from './zod';
import { safeHref } from '../rich-text/render';
import { line, multiline, requiredLine } from './text';

export const NAV_MAX_ITEMS = 20;
export const NAV_LABEL_MAX = 40;

/** The IANA name as Intl spells it (asia/shanghai → Asia/Shanghai), or null when unknown. */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** A path on this site or an http(s) address; everything else (javascript:, //host, mailto:) is refused. */
export function siteHref(raw: string): string | null {
  const href = safeHref(raw.trim());
  if (!href || href.startsWith('mailto:') || href.startsWith('tel:') || href.startsWith('#')) return null;
  return href;
}

/** An optional link field: empty is null, anything else must pass `siteHref`. */
export const optionalHref = z
  .string()
  .max(2000)
  .transform((value, ctx) => {
    if (value.trim() === '') return null;
    const href = siteHref(value);
    if (!href) {
      ctx.addIssue({ code: 'custom', message: 'hrefInvalid' });
      return z.NEVER;
    }
    return href;
  });

const navRows = z
  .array(z.object({ label: z.string().max(1000), href: z.string().max(2000) }))
  .transform((rows, ctx) => {
    const items: { label: string; href: string }[] = [];
    rows.forEach((row, index) => {
      const label = line(1000).parse(row.label);
      // A row left completely empty is an unused slot of the editor, not a mistake.
      if (!label && !row.href.trim()) return;
      const rowNumber = index + 1;
      if (!label) ctx.addIssue({ code: 'custom', message: 'navLabelRequired', params: { row: rowNumber } });
      else if ([...label].length > NAV_LABEL_MAX) ctx.addIssue({ code: 'custom', message: 'navLabelTooLong', params: { row: rowNumber, max: NAV_LABEL_MAX } });
      const href = siteHref(row.href);
      if (!href) ctx.addIssue({ code: 'custom', message: 'navHrefInvalid', params: { row: rowNumber } });
      items.push({ label, href: href ?? '' });
    });
    if (items.length > NAV_MAX_ITEMS) ctx.addIssue({ code: 'custom', message: 'navTooMany', params: { max: NAV_MAX_ITEMS } });
    return items;
  });

export const settingsInput = z.object({
  name: requiredLine(100, 'siteNameRequired'),
  tagline: line(200).default(''),
  hotline: line(60).default(''),
  logoUrl: optionalHref.prefault(''),
  locale: z.enum(['zh-CN', 'en']),
  timeZone: z
    .string()
    .trim()
    .max(64)
    .transform((value, ctx) => {
      const canonical = canonicalTimeZone(value);
      if (!canonical) {
        ctx.addIssue({ code: 'custom', message: 'timeZoneInvalid' });
        return z.NEVER;
      }
      return canonical;
    }),
  footerText: multiline(2000).default(''),
  icp: line(100).default(''),
  policeFiling: line(100).default(''),
  // The admin form sends 'full' or 'summary'; anything else is refused like any other bad choice.
  feedFullText: z.enum(['full', 'summary']).default('full').transform((value) => value === 'full'),
  reprintTemplate: requiredLine(300, 'required').refine((value) => value.includes('{site}') && value.includes('{title}'), { message: 'templatePlaceholders' }),
  nav: navRows.default([]),
  /** The settings as the form saw them; a newer save in between is a conflict. */
  baseUpdatedAt: z.string().max(40).nullable().default(null),
});

export type SettingsInput = z.output<typeof settingsInput>;

/** The sensitive-word list as text (one word per line) and whether a match blocks. */
export const sensitiveWordsInput = z.object({ words: z.string().max(500_000, 'atMost'), block: z.boolean() });
