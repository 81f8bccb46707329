import crypto from 'node:crypto';

const MAX_NAME_BYTES = 200;

/**
 * The uploader's file name, for display only: NFC, no path, no control or bidi characters, at most
 * 200 bytes of UTF-8 cut on a character boundary. It never becomes part of a storage path.
 */
export function displayName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim();
  if (clean === '.' || clean === '..') clean = '';
  const encoder = new TextEncoder();
  while (encoder.encode(clean).length > MAX_NAME_BYTES) clean = [...clean].slice(0, -1).join('');
  return clean || 'image';
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
