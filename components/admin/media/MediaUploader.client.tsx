'use client';

import { useRef, useState } from 'react';
import type { MediaDTO } from '@/lib/media/ingest';
import { uploadImage } from './upload';

export interface UploaderLabels {
  dropHere: string;
  choose: string;
  uploading: string;
  done: string;
}

interface Item {
  key: string;
  name: string;
  loaded: number;
  total: number;
  error?: string;
  done?: boolean;
}

/** Drag and drop, paste or pick several images; each gets its own progress bar. */
export function MediaUploader({ labels, onUploaded }: { labels: UploaderLabels; onUploaded: (item: MediaDTO) => void }) {
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const start = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setItems((list) => [...list, { key, name: file.name, loaded: 0, total: file.size }]);
      const patch = (p: Partial<Item>) => setItems((list) => list.map((it) => (it.key === key ? { ...it, ...p } : it)));
      uploadImage(file, ({ loaded, total }) => patch({ loaded, total }))
        .then((media) => {
          patch({ done: true, loaded: file.size });
          onUploaded(media);
        })
        .catch((error: Error) => patch({ error: error.message }));
    }
  };

  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (e.dataTransfer.files.length) start(e.dataTransfer.files);
      }}
      onPaste={(e) => {
        if (e.clipboardData.files.length) start(e.clipboardData.files);
      }}
      className={`rounded-lg border-2 border-dashed p-4 text-center text-sm ${over ? 'border-emerald-700 bg-emerald-50 dark:bg-emerald-950' : 'border-neutral-400'}`}
    >
      <p>{labels.dropHere}</p>
      <button type="button" className="admin-button mt-2" onClick={() => input.current?.click()}>
        {labels.choose}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
        multiple
        className="sr-only"
        aria-label={labels.choose}
        onChange={(e) => {
          if (e.target.files?.length) start(e.target.files);
          e.target.value = '';
        }}
      />
      {items.length ? (
        <ul className="mt-3 space-y-2 text-left" aria-live="polite">
          {items.map((it) => (
            <li key={it.key}>
              <div className="flex justify-between gap-2">
                <span className="truncate">{it.name}</span>
                <span className={it.error ? 'text-red-700 dark:text-red-300' : ''}>{it.error ?? (it.done ? labels.done : labels.uploading)}</span>
              </div>
              <progress className="w-full" max={it.total || 1} value={it.loaded} aria-label={it.name} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
