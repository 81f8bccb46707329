import crypto from 'node:crypto';

const MAX_NAME_BYTES = 200;
/**
 * How much of a name is looked at, in UTF-16 code units, before any other processing. NFC can
 * compose several code units into one, so this is a few times the byte limit, not more.
 */
const MAX_NAME_INPUT = 1024;
/** How much of the percent-encoded `X-File-Name` header is decoded (9 characters per CJK character). */
const MAX_HEADER_INPUT = MAX_NAME_INPUT * 3;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** The first `max` code units of `value`, without leaving half of a surrogate pair at the end. */
function head(value: string, max: number): string {
  if (value.length <= max) return value;
  return isHighSurrogate(value.charCodeAt(max - 1)) ? value.slice(0, max - 1) : value.slice(0, max);
}

/** At most `maxBytes` of UTF-8, cut between code points, in one pass. */
function cutToBytes(value: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    end += char.length;
  }
  return value.slice(0, end);
}

/**
 * The uploader's file name, for display only: NFC, no path, no control or bidi characters, at most
 * 200 bytes of UTF-8 cut on a character boundary. It never becomes part of a storage path. Only the
 * first 1024 code units of the last path segment are processed, so a hostile name costs little.
 */
export function displayName(raw: string, fallback = 'image'): string {
  const lastSeparator = Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\'));
  const base = head(raw.slice(lastSeparator + 1), MAX_NAME_INPUT).normalize('NFC');
  let clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim();
  if (clean === '.' || clean === '..') clean = '';
  return cutToBytes(clean, MAX_NAME_BYTES).trim() || fallback;
}

/**
 * The `X-File-Name` header (percent-encoded UTF-8) decoded, reading at most its first 3072
 * characters; an escape sequence cut there is dropped, a malformed one gives ''.
 */
export function fileNameFromHeader(header: string | null): string {
  let encoded = head(header ?? '', MAX_HEADER_INPUT);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // Only a cut at the bound can leave an incomplete sequence at the end; drop one escape of it.
      if (encoded.length < MAX_HEADER_INPUT - 12) return '';
      const trimmed = encoded.replace(/%[0-9a-f]{0,2}$/i, '');
      if (trimmed === encoded) return '';
      encoded = trimmed;
    }
  }
  return '';
}

/** Server-generated storage prefix: date folders and a random id; nothing user-controlled. */
export function newStorageKey(now = new Date()): string {
  const y = now.getUTCFullYear();
  const m = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${y}/${m}/${crypto.randomUUID()}`;
}

const KEY = /^\d{4}\/\d{2}\/[0-9a-f-]{36}\/[a-z0-9-]{1,40}\.(jpg|png|webp|gif|avif)$/;

/** Keys requested from the public media route must look exactly like ones we generate. */
export function isStorageObjectKey(key: string): boolean {
  return KEY.test(key);
}

/** The public URL of a stored object. */
export const mediaUrl = (key: string) => `/media/${key}`;
