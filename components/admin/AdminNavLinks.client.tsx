'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { navCurrent } from './current-nav';

const LINK = 'rounded px-3 py-2 hover:bg-neutral-200 dark:hover:bg-neutral-800';
const CURRENT = 'rounded border-l-4 border-emerald-700 bg-emerald-50 px-2 py-2 font-semibold text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100';

/** The sidebar's links; the client only knows the path, so the current-page mark is made here (also in the server render). */
export function AdminNavLinks({ links }: { links: { href: string; label: string; badge?: { count: string; label: string } }[] }) {
  const marked = navCurrent(usePathname(), links.map((l) => l.href));
  return links.map((l) => {
    const current = marked?.href === l.href ? marked.current : undefined;
    return (
      <Link key={l.href} href={l.href} aria-current={current} className={current ? CURRENT : LINK}>
        {l.label}
        {l.badge ? (
          <span className="ms-2 rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white" data-testid="unread-count">
            <span aria-hidden="true">{l.badge.count}</span>
            <span className="sr-only">{l.badge.label}</span>
          </span>
        ) : null}
      </Link>
    );
  });
}
