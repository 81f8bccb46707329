import { Readable } from 'node:stream';
import { isStorageObjectKey } from '@/domain/media/names';
import { mediaStorage } from '@/services/media/storage';

export const dynamic = 'force-dynamic';

const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' };

/** Serves stored images: only keys shaped like ours, only image types, never sniffable as HTML. */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join('/');
  if (!isStorageObjectKey(key)) return new Response('Not found', { status: 404 });
  const object = await mediaStorage().get(key);
  if (!object) return new Response('Not found', { status: 404 });
  const ext = key.slice(key.lastIndexOf('.') + 1);
  return new Response(Readable.toWeb(object.body) as ReadableStream, {
    headers: {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': String(object.size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      // Keys are unique per upload and never rewritten.
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
}
