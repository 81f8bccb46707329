'use client';

import { useEffect, useState } from 'react';
import { heartbeatAction } from '@/actions/articles';

const HEARTBEAT_MS = 20_000;

/** A soft lock: tells the server this editor is open and learns who else has it open. */
export function usePresence(articleId: number | null): string[] {
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    if (articleId === null) return;
    let stopped = false;
    const beat = async () => {
      try {
        const result = await heartbeatAction({ id: articleId, leaving: false });
        if (!stopped && result.ok) setOthers(result.data.map((p) => p.name));
      } catch {
        // A missed heartbeat only delays the notice; the next one tries again.
      }
    };
    void beat();
    const timer = window.setInterval(() => void beat(), HEARTBEAT_MS);
    const leave = () => void heartbeatAction({ id: articleId, leaving: true }).catch(() => {});
    window.addEventListener('pagehide', leave);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [articleId]);
  return others;
}
