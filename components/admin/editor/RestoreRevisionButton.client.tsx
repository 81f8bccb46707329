'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { restoreRevisionAction } from '@/actions/articles';

interface Props {
  articleId: number;
  revisionId: number;
  baseVersion: number;
  labels: { restore: string; confirm: string; restored: string; failed: string };
}

export function RestoreRevisionButton({ articleId, revisionId, baseVersion, labels }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const busy = useRef(false);

  const restore = async () => {
    if (busy.current || !window.confirm(labels.confirm)) return;
    busy.current = true;
    setPending(true);
    try {
      const result = await restoreRevisionAction({ id: articleId, revisionId, baseVersion });
      if (!result.ok) return setMessage({ ok: false, text: result.error });
      setMessage({ ok: true, text: labels.restored });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: labels.failed });
    } finally {
      busy.current = false;
      setPending(false);
    }
  };

  return (
    <div className="space-y-2">
      <button type="button" className="admin-button-primary" disabled={pending} onClick={() => void restore()}>
        {labels.restore}
      </button>
      <p role="status" className="text-sm text-emerald-800 empty:hidden dark:text-emerald-300">
        {message?.ok ? message.text : ''}
      </p>
      <p role="alert" className="text-sm text-red-700 empty:hidden dark:text-red-300">
        {message && !message.ok ? message.text : ''}
      </p>
    </div>
  );
}
