interface Props {
  /** Shown only when set, typically a query parameter left by the redirect after an action. */
  show: unknown;
  children: React.ReactNode;
  className?: string;
}

/**
 * The confirmation shown after a redirect (`?deleted=1`, `?merged=1`…): the same green status line
 * the forms show in place, for actions whose page is gone or changed.
 */
export function FlashMessage({ show, children, className }: Props) {
  if (!show) return null;
  return (
    <p role="status" className={`${className ? `${className} ` : ''}rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100`}>
      ✓ {children}
    </p>
  );
}
