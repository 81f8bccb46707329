'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { postFile } from '../media/upload';

/** Accepted by the server from the bytes; the picker only suggests them. */
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.zip,application/pdf,application/zip';

/** Picks files for a story's downloads and uploads them one by one; the card above lists them once stored. */
export function AttachmentUploader({ articleId, labels }: { articleId: number; labels: { choose: string; uploading: string; done: string } }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ name: string; text: string; error: boolean }[]>([]);

  async function upload(files: File[]) {
    for (const file of files) {
      setStatus((s) => [...s, { name: file.name, text: labels.uploading, error: false }]);
      const mark = (text: string, error: boolean) => setStatus((s) => s.map((it) => (it.name === file.name ? { ...it, text, error } : it)));
      try {
        await postFile(`/api/articles/${articleId}/attachments`, file, 201, () => {});
        mark(labels.done, false);
      } catch (error) {
        mark(error instanceof Error ? error.message : String(error), true);
      }
    }
    router.refresh();
  }

  return (
    <div className="mt-3">
      <button type="button" className="admin-button" onClick={() => input.current?.click()}>
        {labels.choose}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        className="sr-only"
        aria-label={labels.choose}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) void upload(files);
        }}
      />
      {status.length ? (
        <ul className="mt-2 space-y-1 text-sm" aria-live="polite" data-testid="attachment-uploads">
          {status.map((it) => (
            <li key={it.name} className={it.error ? 'text-red-700 dark:text-red-300' : ''}>
              {it.name}: {it.text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
