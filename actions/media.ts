'use server';

import { removeMedia } from '@/services/media/remove';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/actions/define';
import { id } from '@/domain/validation/text';
import { line, multiline } from '@/domain/validation/text';
import { MEDIA_TYPES, MEDIA_USAGE_FILTERS, getMedia, getMediaUsage, listMedia, updateMediaMeta } from '@/db/queries/admin/media';
import { applyMediaAltToArticles } from '@/db/queries/admin/media-alt';
import { rehostImage, type RehostResult } from '@/services/media/rehost';
import { notFoundError } from '@/domain/errors';

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

/** One library item, for a field that holds only its id (the cover's thumbnail). */
export const getMediaAction = defineAction({ name: 'media.get', input: z.object({ id }), permission: 'media:upload' }, async ({ id: mediaId }, ctx) => {
  const item = await getMedia(ctx.db, mediaId);
  if (!item) throw notFoundError('This image');
  return item;
});

/**
 * Remote images of a story copied into the library (services/media/rehost.ts), one after another
 * so that a story full of them does not open ten downloads at once; the editor sends a few at a
 * time and swaps each address that came back. A failure is one image's result, not the action's.
 */
export const rehostImagesAction = defineAction(
  {
    name: 'media.rehost',
    input: z.object({ images: z.array(z.object({ url: z.string().min(1).max(4000), alt: z.string().max(300).default('') })).min(1).max(5) }),
    permission: 'media:upload',
  },
  async ({ images }, ctx): Promise<RehostResult[]> => {
    const results: RehostResult[] = [];
    for (const image of images) results.push(await rehostImage(ctx.db, ctx.user.id, image.url, image.alt));
    return results;
  },
);

/** The library's alt text onto every story using the image (db/queries/admin/media-alt.ts). */
export const applyMediaAltAction = defineAction({ name: 'media.apply-alt', input: z.object({ id }), permission: 'media:manage' }, async ({ id: mediaId }, ctx) =>
  ctx.expire(await applyMediaAltToArticles(ctx.db, ctx.user, mediaId)),
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

export async function applyMediaAltFormAction(form: FormData): Promise<void> {
  const mediaId = Number(form.get('id'));
  const result = await applyMediaAltAction({ id: mediaId });
  back(mediaId, result.ok ? { applied: String(result.data.updated.length), skipped: String(result.data.skipped.length) } : { error: result.error });
}

export async function deleteMediaFormAction(form: FormData): Promise<void> {
  const mediaId = Number(form.get('id'));
  const result = await deleteMediaAction({ id: mediaId });
  if (result.ok) redirect('/admin/media?deleted=1');
  back(mediaId, { error: result.error });
}
