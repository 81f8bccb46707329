import { z } from './zod';
import type { MessageCode } from '../i18n/server-messages';

// C0/C1 controls (but tab and newlines where allowed), bidi overrides and marks, zero-width
// spaces and word joiners from Word. ZWJ/ZWNJ stay: emoji sequences and some scripts need them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Text a reader can see: something other than whitespace and invisible format characters. */
export const hasVisibleText = (value: string) => value.replace(/[\s\p{Cf}]/gu, '') !== '';

/** Control characters removed from text stored inside documents (jsonb cannot hold U+0000). */
export function cleanDocumentText(value: string): string {
  return value.normalize('NFC').replace(CONTROL, '');
}

/** NFC, control characters removed, whitespace collapsed: what a single-line field stores. */
export function cleanLine(value: string): string {
  return value.normalize('NFC').replace(CONTROL, '').replace(/[\t\r\n]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

export function cleanMultiline(value: string): string {
  return value.normalize('NFC').replace(CONTROL, '').replace(/\r\n?/g, '\n').trim();
}

export const line = (max: number) =>
  z
    .string()
    .transform(cleanLine)
    .pipe(z.string().max(max, 'atMost'));

/** Messages are codes of domain/i18n/server-messages.ts; a check's bound (`max`) becomes its parameter. */
export const requiredLine = (max: number, message: MessageCode = 'required') =>
  z
    .string({ error: message })
    .transform(cleanLine)
    .pipe(z.string().max(max, 'atMost').refine(hasVisibleText, message));

export const multiline = (max: number) =>
  z
    .string()
    .transform(cleanMultiline)
    .pipe(z.string().max(max, 'atMost'));

/** Several lines, at least one of them with something in it. */
export const requiredMultiline = (max: number, message: MessageCode = 'required') =>
  z
    .string({ error: message })
    .transform(cleanMultiline)
    .pipe(z.string().max(max, 'atMost').refine(hasVisibleText, message));

export const id = z.coerce.number().int().positive().max(2_147_483_647);
