import { useCallback, useMemo, useState } from 'react';
import { uploadImage } from '../media/upload';
import type { ImageAttrs } from './extensions';

interface UploadItem {
  key: string;
  name: string;
  loaded: number;
  total: number;
  done?: boolean;
  error?: string;
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);

/** Files dropped or pasted into the editor: uploaded with progress, then queued for the alt dialog. */
export function useDroppedUploads() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [ready, setReady] = useState<{ key: string; attrs: ImageAttrs }[]>([]);

  const start = useCallback((files: FileList | undefined): boolean => {
    const images = Array.from(files ?? []).filter((f) => IMAGE_TYPES.has(f.type));
    if (!images.length) return false;
    for (const file of images) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      const patch = (p: Partial<UploadItem>) => setItems((list) => list.map((it) => (it.key === key ? { ...it, ...p } : it)));
      setItems((list) => [...list, { key, name: file.name, loaded: 0, total: file.size }]);
      uploadImage(file, ({ loaded, total }) => patch({ loaded, total }))
        .then((media) => {
          patch({ done: true, loaded: file.size });
          setReady((queue) => [...queue, { key, attrs: { src: media.url, alt: media.alt, caption: media.caption, width: media.width, height: media.height, mediaId: media.id } }]);
        })
        .catch((error: Error) => patch({ error: error.message }));
    }
    return true;
  }, []);

  const take = useCallback((key: string) => setReady((queue) => queue.filter((q) => q.key !== key)), []);
  return useMemo(() => ({ items, ready, start, take }), [items, ready, start, take]);
}
