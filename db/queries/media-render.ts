import { inArray, and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { media } from '@/db/schema';
import { renderInfoOf, type MediaRenderInfo } from '../../domain/media/render-info';

export { collectMediaIds, renderInfoOf, type MediaRenderInfo } from '../../domain/media/render-info';

export async function loadMediaRenderInfo(db: Database, ids: number[]): Promise<Map<number, MediaRenderInfo>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: media.id, storageKey: media.storageKey, mimeType: media.mimeType, width: media.width, height: media.height, variants: media.variants })
    .from(media)
    .where(and(inArray(media.id, ids), eq(media.status, 'ready')));
  return new Map(rows.map((r) => [r.id, renderInfoOf(r)]));
}
