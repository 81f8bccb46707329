'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { postFile } from '../media/upload';

export interface ImportUploaderLabels {
  file: string;
  fileHint: string;
  start: string;
  /** `{percent}` */
  uploading: string;
  /** `{done}` */
  checking: string;
  /** `{done}`, `{total}` */
  writing: string;
}

interface Job {
  status: string;
  phase: string;
  done: number;
  total: number;
}

const fill = (template: string, values: Record<string, number>) => template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

/**
 * Uploads a WordPress export, then follows the import's progress (polled from the server, whichever
 * runs it) and opens its report when it ends. `resume`: a job still running when the page opened.
 */
export function ImportUploader({ labels, resume }: { labels: ImportUploaderLabels; resume: number | null }) {
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<number | null>(null);
  const [jobId, setJobId] = useState<number | null>(resume);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState('');
  const router = useRouter();

  useEffect(() => {
    if (jobId === null) return;
    let stopped = false;
    const poll = async () => {
      const res = await fetch(`/admin/import/jobs/${jobId}`, { cache: 'no-store' });
      const body = (await res.json()) as Job & { error?: string };
      if (stopped) return;
      if (!res.ok) return setError(body.error ?? String(res.status));
      setJob(body);
      if (body.status === 'running' || body.status === 'queued') setTimeout(() => void poll(), 1000);
      else {
        setJobId(null);
        router.push(`/admin/import?job=${jobId}`);
        router.refresh();
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [jobId, router]);

  const start = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError('');
    setUpload(0);
    try {
      const { id } = await postFile<{ id: number }>('/admin/import/upload', file, 202, (p) => setUpload(Math.round((100 * p.loaded) / Math.max(1, p.total))));
      setJobId(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setUpload(null);
    }
  };

  const busy = upload !== null || jobId !== null;
  const status =
    upload !== null
      ? fill(labels.uploading, { percent: upload })
      : job?.phase === 'writing'
        ? fill(labels.writing, { done: job.done, total: job.total })
        : jobId !== null
          ? fill(labels.checking, { done: job?.done ?? 0 })
          : '';
  const value = upload ?? (job?.phase === 'writing' && job.total ? Math.round((100 * job.done) / job.total) : undefined);
  return (
    <form onSubmit={start} className="space-y-3">
      <div>
        <label htmlFor="import-file" className="block text-sm font-medium">
          {labels.file}
        </label>
        <span id="import-file-hint" className="block text-xs text-neutral-600 dark:text-neutral-400">
          {labels.fileHint}
        </span>
        <input id="import-file" type="file" accept=".xml,application/xml,text/xml" required aria-describedby="import-file-hint" disabled={busy} onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="mt-1 text-sm" />
      </div>
      <button type="submit" className="admin-button-primary" disabled={busy || !file}>
        {labels.start}
      </button>
      <div role="status" aria-live="polite" className="space-y-1 text-sm">
        {status ? (
          <>
            <progress max={100} value={value} className="block w-full" aria-label={status} />
            <span>{status}</span>
          </>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}
