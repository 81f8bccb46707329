'use client';

import { useRef, useState } from 'react';
import type { MediaDTO } from '@/db/queries/media-dto';
import { IMAGE_TYPES, useUploads } from './use-uploads';

export interface UploaderLabels {
  dropHere: string;
  choose: string;
  uploading: string;
  done: string;
}

/** Drag and drop, paste or pick several images; each gets its own progress bar. */
export function MediaUploader({ labels, onUploaded }: { labels: UploaderLabels; onUploaded: (item: MediaDTO) => void }) {
  const { items, start: startUploads } = useUploads(onUploaded);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const start = (files: FileList) => startUploads(Array.from(files));

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
        accept={IMAGE_TYPES}
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
