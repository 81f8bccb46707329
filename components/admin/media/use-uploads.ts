import { useCallback, useState } from 'react';
import type { MediaDTO } from '@/db/queries/media-dto';
import { uploadImage } from './upload';

export interface UploadItem {
  key: string;
  name: string;
  loaded: number;
  total: number;
  done?: boolean;
  error?: string;
}

export const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/gif,image/avif';

/** Several uploads at once, each with its own progress, for the library and the editor alike. */
export function useUploads(onUploaded: (media: MediaDTO) => void) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const start = useCallback(
    (files: File[]) => {
      for (const file of files) {
        const key = `${file.name}-${file.size}-${Math.random()}`;
        const patch = (p: Partial<UploadItem>) => setItems((list) => list.map((it) => (it.key === key ? { ...it, ...p } : it)));
        setItems((list) => [...list, { key, name: file.name, loaded: 0, total: file.size }]);
        uploadImage(file, ({ loaded, total }) => patch({ loaded, total }))
          .then((media) => {
            patch({ done: true, loaded: file.size });
            onUploaded(media);
          })
          .catch((error: Error) => patch({ error: error.message }));
      }
    },
    [onUploaded],
  );
  return { items, start };
}
