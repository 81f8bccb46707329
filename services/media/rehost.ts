import 'server-only';
import type { Database } from '@/db/client';
import { writeAudit } from '@/db/queries/admin/audit';
import type { MediaDTO } from '@/db/queries/media-dto';
import { config } from '../../domain/config.mjs';
import { ActionError } from '../../domain/errors';
import { OutboundRefused, safeFetch, type SafeFetchOptions } from '../outbound/safe-fetch';
import { ingestImage } from './ingest';
import { MEDIA_LIMITS } from './process';

/** Why one remote image stayed where it was; the editor says it in the UI language. */
export type RehostFailure = 'badUrl' | 'refused' | 'httpError' | 'notImage' | 'tooBig' | 'timeout' | 'unreachable' | 'failed';

export type RehostResult = { url: string; ok: true; media: MediaDTO } | { url: string; ok: false; failure: RehostFailure; status?: number };

export interface RehostOptions {
  /** Host names fetched whatever they resolve to; OUTBOUND_ALLOW_HOSTS by default. */
  allowHosts?: readonly string[];
  resolve?: SafeFetchOptions['resolve'];
  timeoutMs?: number;
}

/**
 * A display name for an address that often has no file name: WeChat's `…/mmbiz_jpg/<id>/640?wx_fmt=jpeg`
 * would otherwise be "640". The host keeps where it came from visible in the library.
 */
function nameFor(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '').replace(/[^\p{L}\p{N}._-]+/gu, '-');
  return /\.[a-z0-9]{2,5}$/i.test(last) ? last : `${url.hostname}${last ? `-${last}` : ''}`;
}

function failureOf(error: unknown): RehostFailure {
  if (error instanceof OutboundRefused) return 'refused';
  if (error instanceof ActionError) return error.status === 415 ? 'notImage' : error.status === 413 ? 'tooBig' : 'failed';
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (typeof (error as { code?: unknown })?.code === 'string') return 'unreachable';
  return 'failed';
}

/**
 * Copies one image from another site into the library, so the story stops hot-linking it: the
 * request goes through the SSRF guard (no private, loopback or metadata addresses, every redirect
 * re-checked), the answer is capped at the upload limit, and the bytes go through the same ingest
 * as an upload (the type from the bytes, whatever the address or Content-Type says; re-encoded,
 * EXIF dropped). Never throws for the image's sake: the caller reports each result.
 */
export async function rehostImage(db: Database, userId: number, address: string, alt: string, options: RehostOptions = {}): Promise<RehostResult> {
  let url: URL;
  try {
    // As the editor holds it (the result names this same string, for the swap); URL() trims.
    url = new URL(address);
  } catch {
    return { url: address, ok: false, failure: 'badUrl' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { url: address, ok: false, failure: 'badUrl' };
  try {
    const limit = MEDIA_LIMITS.maxBytes;
    const answer = await safeFetch(url.toString(), {
      headers: { Accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1' },
      // One byte over the limit tells "too big" from "exactly the limit".
      maxBytes: limit + 1,
      timeoutMs: options.timeoutMs ?? 20_000,
      allowHosts: options.allowHosts ?? config().OUTBOUND_ALLOW_HOSTS,
      resolve: options.resolve,
    });
    if (answer.status !== 200) return { url: address, ok: false, failure: 'httpError', status: answer.status };
    if (answer.body.length > limit || Number(answer.headers['content-length'] ?? 0) > limit) return { url: address, ok: false, failure: 'tooBig' };
    const item = await ingestImage(db, { file: answer.body, bytes: answer.body.length, originalName: nameFor(url), uploadedById: userId, alt: alt.trim().slice(0, 300) });
    await writeAudit(db, { actorId: userId, action: 'media.rehost', entityType: 'media', entityId: item.id, summary: item.originalName, data: { source: url.toString().slice(0, 2000) } });
    return { url: address, ok: true, media: item };
  } catch (error) {
    const failure = failureOf(error);
    if (failure === 'failed') console.error('[media.rehost]', error instanceof Error ? error.message : error);
    return { url: address, ok: false, failure };
  }
}
