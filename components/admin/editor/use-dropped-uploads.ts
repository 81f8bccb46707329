import { useCallback, useMemo, useState } from 'react';
import type { MediaDTO } from '@/db/queries/media-dto';
import { IMAGE_TYPES, useUploads } from '../media/use-uploads';
import type { ImageAttrs } from './extensions';

const ACCEPTED = new Set(IMAGE_TYPES.split(','));

/** Files dropped or pasted into the editor: uploaded with progress, then queued for the alt dialog. */
export function useDroppedUploads() {
  const [ready, setReady] = useState<{ key: string; attrs: ImageAttrs }[]>([]);
  const onUploaded = useCallback((media: MediaDTO) => {
    setReady((queue) => [...queue, { key: String(media.id), attrs: { src: media.url, alt: media.alt, caption: media.caption, width: media.width, height: media.height, mediaId: media.id } }]);
  }, []);
  const { items, start: startUploads } = useUploads(onUploaded);

  const start = useCallback(
    (files: FileList | undefined): boolean => {
      const images = Array.from(files ?? []).filter((f) => ACCEPTED.has(f.type));
      if (!images.length) return false;
      startUploads(images);
      return true;
    },
    [startUploads],
  );

  const take = useCallback((key: string) => setReady((queue) => queue.filter((q) => q.key !== key)), []);
  return useMemo(() => ({ items, ready, start, take }), [items, ready, start, take]);
}
