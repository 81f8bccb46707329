import 'server-only';
import { inArray } from 'drizzle-orm';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { articles, sections, tags as tagsTable, users } from '@/db/schema';
import { config } from '../../domain/config.mjs';
import { siteUrl } from '../../domain/env';
import { idsToResolve, purgeUrls, type PurgeNames, type PurgePlan } from '../../domain/cdn/purge-urls';

/**
 * The purge hook: after an editor's change expired cache tags, the public URLs it made stale are
 * POSTed as JSON `{ "urls": [...], "everything": false }` to CDN_PURGE_URL (with
 * `Authorization: Bearer CDN_PURGE_TOKEN` when that is set), for a CDN or caching proxy in front of
 * the app. Fire-and-forget: a short timeout, errors logged, never failing the action. On Vercel the
 * request is kept alive by `after()` (waitUntil) past the response.
 */

const TIMEOUT_MS = 3000;

function purgeEndpoint(): { url: string; token: string | undefined } | null {
  const { CDN_PURGE_URL: url, CDN_PURGE_TOKEN: token } = config();
  return url ? { url, token } : null;
}

async function resolveNames(tags: string[]): Promise<PurgeNames> {
  const ids = idsToResolve(tags);
  const db = await getDb();
  const lookup = async (table: typeof articles | typeof sections | typeof tagsTable | typeof users, list: number[]) => {
    if (!list.length) return new Map<number, string>();
    const rows = await db.select({ id: table.id, slug: table.slug }).from(table).where(inArray(table.id, list));
    return new Map(rows.map((r) => [r.id, r.slug]));
  };
  const [a, s, t, u] = await Promise.all([lookup(articles, ids.articles), lookup(sections, ids.sections), lookup(tagsTable, ids.tags), lookup(users, ids.authors)]);
  return { articles: a, sections: s, tags: t, authors: u };
}

/** What a change purges (exported for tests and the docs). */
export async function planPurge(tags: string[]): Promise<PurgePlan> {
  return purgeUrls(tags, await resolveNames(tags), siteUrl());
}

async function sendPurge(tags: string[], endpoint: { url: string; token: string | undefined }): Promise<void> {
  try {
    const plan = await planPurge(tags);
    if (!plan.urls.length) return;
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(endpoint.token ? { Authorization: `Bearer ${endpoint.token}` } : {}) },
      body: JSON.stringify(plan),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => {});
    if (!response.ok) console.error(`[gazette] CDN purge: ${endpoint.url} answered ${response.status} for ${plan.urls.length} URLs`);
  } catch (error) {
    console.error('[gazette] CDN purge failed:', error instanceof Error ? error.message : error);
  }
}

/** Called once per change with the tags it expired; returns at once. */
export function purgeCdn(tags: string[]): void {
  const endpoint = purgeEndpoint();
  if (!endpoint || !tags.length) return;
  const run = () => sendPurge(tags, endpoint);
  try {
    after(run);
  } catch {
    // Outside a request (scripts, tests): run detached.
    void run();
  }
}
