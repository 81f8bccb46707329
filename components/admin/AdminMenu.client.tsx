'use client';

import { usePathname } from 'next/navigation';
import { useState } from 'react';

/**
 * Below 768 px the staff sidebar folds behind a menu button, so a page's own content starts on the
 * first screen of a phone. The CSS that hides the panel (app/globals.css, .admin-menu-panel) only
 * applies while scripts run: without them this button could not open it, so the navigation stays.
 */
export function AdminMenu({ brand, label, children }: { brand: React.ReactNode; label: string; children: React.ReactNode }) {
  const pathname = usePathname();
  // Open for the page it was opened on: following one of its links closes it, with no effect to sync.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <>
      <div className="mb-4 flex items-center justify-between gap-2">
        {brand}
        <button type="button" className="admin-button admin-menu-button" aria-expanded={open} aria-controls="admin-menu" onClick={() => setOpenOn(open ? null : pathname)}>
          {label}
        </button>
      </div>
      <div id="admin-menu" className="admin-menu-panel" data-open={open ? '' : undefined}>
        {children}
      </div>
    </>
  );
}
