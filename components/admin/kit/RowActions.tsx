import Link from 'next/link';

/** The buttons at the end of a table row, right-aligned. */
export function RowActions({ children }: { children: React.ReactNode }) {
  return <div className="flex justify-end gap-2">{children}</div>;
}

/**
 * A button-styled link about one row ("Edit", "Manage"). Every row has the same visible word, so the
 * row's name follows for screen readers ("Edit: Sports").
 */
export function RowLink({ href, label, name }: { href: string; label: string; name: string }) {
  return (
    <Link href={href} className="admin-button">
      {label}
      <span className="sr-only">: {name}</span>
    </Link>
  );
}
