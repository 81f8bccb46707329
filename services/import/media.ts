import path from 'node:path';
import type { Database } from '@/db/client';
import type { MediaDTO } from '@/db/queries/media-dto';
import { findImportedMedia, rememberImportedMedia } from '@/db/queries/import/content';
import { config } from '../../domain/config.mjs';
import { ingestImage } from '../media/ingest';
import { MEDIA_LIMITS } from '../media/process';
import { safeFetch, type SafeFetchOptions } from '../outbound/safe-fetch';

/**
 * Images of the old site brought into the media library: fetched through the outbound guard
 * (no private addresses unless OUTBOUND_ALLOW_HOSTS names the host; size and time bounded) and
 * stored through the same checked pipeline as an upload (type from the bytes, re-encoded
 * variants). Each URL is fetched once per run and once per site: a later run finds it in the
 * import's bookkeeping. A failure is a reason, never an exception: the story keeps the old URL.
 */

export interface MediaFetchOptions {
  allowHosts?: readonly string[];
  resolve?: SafeFetchOptions['resolve'];
  timeoutMs?: number;
  uploadedById: number | null;
}

export type Fetched = { ok: true; media: MediaDTO; reused: boolean } | { ok: false; reason: string };

function fileName(url: string): string {
  try {
    return decodeURIComponent(path.posix.basename(new URL(url).pathname)) || 'image';
  } catch {
    return 'image';
  }
}

export function createMediaFetcher(db: Database, site: string, options: MediaFetchOptions) {
  const seen = new Map<string, Promise<Fetched>>();
  const stats = { fetched: 0, reused: 0 };

  async function fetchOne(url: string, alt: string): Promise<Fetched> {
    const known = await findImportedMedia(db, site, url);
    if (known) {
      stats.reused++;
      return { ok: true, media: known, reused: true };
    }
    let body: Buffer;
    try {
      const answer = await safeFetch(url, {
        maxBytes: MEDIA_LIMITS.maxBytes + 1,
        timeoutMs: options.timeoutMs ?? 30_000,
        maxRedirects: 3,
        allowHosts: options.allowHosts ?? config().OUTBOUND_ALLOW_HOSTS,
        resolve: options.resolve,
      });
      if (answer.status !== 200) return { ok: false, reason: `the old site answered HTTP ${answer.status}` };
      if (answer.truncated || answer.body.length > MEDIA_LIMITS.maxBytes) return { ok: false, reason: `larger than ${Math.round(MEDIA_LIMITS.maxBytes / 1024 / 1024)} MB` };
      body = answer.body;
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message.slice(0, 300) : String(error) };
    }
    try {
      const item = await ingestImage(db, { file: body, bytes: body.length, originalName: fileName(url), uploadedById: options.uploadedById, alt });
      await rememberImportedMedia(db, site, url, item.id);
      stats.fetched++;
      return { ok: true, media: item, reused: false };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message.slice(0, 300) : String(error) };
    }
  }

  return {
    /** Files fetched in this run, and files an earlier run had fetched. */
    stats,
    /** The library item for `url`, fetched at most once however many stories use it. */
    get(url: string, alt = ''): Promise<Fetched> {
      let pending = seen.get(url);
      if (!pending) {
        // The bookkeeping table remembers across the run too; this map only saves lookups, so it stays small.
        if (seen.size > 5000) seen.clear();
        pending = fetchOne(url, alt);
        seen.set(url, pending);
      }
      return pending;
    },
  };
}
