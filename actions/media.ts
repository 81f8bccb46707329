'use server';

import { removeMedia } from '@/services/media/remove';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/actions/define';
import { id } from '@/domain/validation/text';
import { line, multiline } from '@/domain/validation/text';
import { MEDIA_TYPES, MEDIA_USAGE_FILTERS, getMediaUsage, listMedia, updateMediaMeta } from '@/db/queries/admin/media';

export const listMediaAction = defineAction(
  {
    name: 'media.list',
    input: z.object({
      q: z.string().trim().max(200).optional(),
      type: z.enum(MEDIA_TYPES).optional(),
      usage: z.enum(MEDIA_USAGE_FILTERS).optional(),
      page: z.number().int().min(1).max(10000).default(1),
    }),
    permission: 'media:upload',
  },
  async ({ q, type, usage, page }, ctx) => listMedia(ctx.db, { q: q || undefined, type, usage, page, pageSize: 24 }),
);

export const updateMediaAction = defineAction(
  { name: 'media.update', input: z.object({ id, alt: line(300), caption: multiline(500) }), permission: 'media:manage' },
  async ({ id: mediaId, alt, caption }, ctx) => updateMediaMeta(ctx.db, ctx.user.id, mediaId, { alt, caption }),
);

/** The places this user may see; the rest as a count (getMediaUsage scopes it like the article list). */
export const mediaUsageAction = defineAction({ name: 'media.usage', input: z.object({ id }), permission: 'media:upload' }, async ({ id: mediaId }, ctx) =>
  getMediaUsage(ctx.db, ctx.user, mediaId),
);

export const deleteMediaAction = defineAction({ name: 'media.delete', input: z.object({ id }), permission: 'media:manage' }, async ({ id: mediaId }, ctx) => {
  const { invalidate } = await removeMedia(ctx.db, ctx.user.id, mediaId);
  ctx.invalidate(invalidate);
  return { id: mediaId };
});

function back(id: number, params: Record<string, string>): never {
  redirect(`/admin/media/${id}?${new URLSearchParams(params)}`);
}

/** Plain-form entry points of the detail page (no client JavaScript needed). */
export async function updateMediaFormAction(form: FormData): Promise<void> {
  const mediaId = Number(form.get('id'));
  const result = await updateMediaAction({ id: mediaId, alt: String(form.get('alt') ?? ''), caption: String(form.get('caption') ?? '') });
  back(mediaId, result.ok ? { saved: '1' } : { error: result.fieldErrors ? Object.values(result.fieldErrors).flat().join(' ') : result.error });
}

export async function deleteMediaFormAction(form: FormData): Promise<void> {
  const mediaId = Number(form.get('id'));
  const result = await deleteMediaAction({ id: mediaId });
  if (result.ok) redirect('/admin/media?deleted=1');
  back(mediaId, { error: result.error });
}
