import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../client';
import { importSources, pages, sections } from '../../schema';
import { isOwnRoute, REDIRECT_PATH_MAX } from '../../../domain/validation/redirect';
import { recordRedirect } from '../admin/sections';

/** The bookkeeping of imports: which local row stands for which record of the old site. */

export type ImportKind = 'author' | 'category' | 'tag' | 'post' | 'page' | 'media';
export type ImportOutcome = 'imported' | 'updated' | 'skipped';

export interface ImportedSourceDTO {
  localId: number;
  fingerprint: string;
  localVersion: number | null;
}

export interface SourceKey {
  site: string;
  kind: ImportKind;
  sourceId: string;
}

export async function findImported(db: Database, key: SourceKey): Promise<ImportedSourceDTO | null> {
  const [row] = await db
    .select({ localId: importSources.localId, fingerprint: importSources.fingerprint, localVersion: importSources.localVersion })
    .from(importSources)
    .where(and(eq(importSources.sourceSite, key.site), eq(importSources.kind, key.kind), eq(importSources.sourceId, key.sourceId)));
  return row ?? null;
}

/** Every mapping of one kind (authors, categories, tags: a site has hundreds, not millions). */
export async function importedIds(db: Database, site: string, kind: ImportKind): Promise<Map<string, number>> {
  const rows = await db
    .select({ sourceId: importSources.sourceId, localId: importSources.localId })
    .from(importSources)
    .where(and(eq(importSources.sourceSite, site), eq(importSources.kind, kind)));
  return new Map(rows.map((r) => [r.sourceId, r.localId]));
}

export async function rememberSource(tx: Database, key: SourceKey, localId: number, fingerprint: string, localVersion: number | null = null): Promise<void> {
  const now = new Date();
  await tx
    .insert(importSources)
    .values({ sourceSite: key.site, kind: key.kind, sourceId: key.sourceId, localId, fingerprint, localVersion })
    .onConflictDoUpdate({
      target: [importSources.sourceSite, importSources.kind, importSources.sourceId],
      set: { localId, fingerprint, localVersion, updatedAt: now },
    });
}

/**
 * Old paths → their new place, stored as the redirects screen stores them. A path Gazette answers
 * itself (its own routes, a section or page at a single segment) is left out: the page would win.
 * Returns the paths written.
 */
export async function importRedirects(tx: Database, fromPaths: string[], to: string): Promise<string[]> {
  const written: string[] = [];
  for (const from of fromPaths) {
    if (from === to || from.length > REDIRECT_PATH_MAX || isOwnRoute(from)) continue;
    const segments = from.split('/').slice(1);
    if (segments.length === 1) {
      const slug = segments[0]!;
      const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug));
      const [page] = section ? [section] : await tx.select({ id: pages.id }).from(pages).where(eq(pages.slug, slug));
      if (page) continue;
    }
    await recordRedirect(tx, from, to);
    written.push(from);
  }
  return written;
}
