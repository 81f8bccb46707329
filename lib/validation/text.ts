import { z } from 'zod';

// C0/C1 controls (but tab and newlines where allowed), bidi overrides, zero-width junk from Word.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

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
    .pipe(z.string().max(max, `At most ${max} characters.`));

export const requiredLine = (max: number, message = 'Required.') =>
  z
    .string({ error: message })
    .transform(cleanLine)
    .pipe(z.string().min(1, message).max(max, `At most ${max} characters.`));

export const multiline = (max: number) =>
  z
    .string()
    .transform(cleanMultiline)
    .pipe(z.string().max(max, `At most ${max} characters.`));

export const id = z.coerce.number().int().positive().max(2_147_483_647);
