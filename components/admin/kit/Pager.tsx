import Link from 'next/link';

interface PageLink {
  href: string;
  text: React.ReactNode;
}

interface Props {
  /** Names the navigation landmark. */
  label: string;
  previous?: PageLink | null;
  next?: PageLink | null;
  /** Between the two links, e.g. "2 / 7". */
  children?: React.ReactNode;
}

/** Previous and next links under a list; an empty span keeps each link on its side when the other is absent. */
export function Pager({ label, previous, next, children }: Props) {
  return (
    <nav aria-label={label} className="flex justify-between text-sm">
      {previous ? <Link href={previous.href}>{previous.text}</Link> : <span />}
      {children}
      {next ? <Link href={next.href}>{next.text}</Link> : <span />}
    </nav>
  );
}

interface NumberedProps {
  label: string;
  page: number;
  pageCount: number;
  href: (page: number) => string;
  previousText: React.ReactNode;
  nextText: React.ReactNode;
}

/** A pager over numbered pages, with the position between the links. */
export function NumberedPager({ label, page, pageCount, href, previousText, nextText }: NumberedProps) {
  return (
    <Pager label={label} previous={page > 1 ? { href: href(page - 1), text: previousText } : null} next={page < pageCount ? { href: href(page + 1), text: nextText } : null}>
      <span>
        {page} / {pageCount}
      </span>
    </Pager>
  );
}

/**
 * The address of one page of a filtered list: the filters that are set, and `page` past the first.
 * The `?` stays even when nothing follows, as the lists always wrote it.
 */
export function pagedHref(path: string, filters: Record<string, string>, page: number): string {
  return `${path}?${new URLSearchParams({ ...filters, ...(page > 1 ? { page: String(page) } : {}) })}`;
}

/** The pager under a management list searched by `q`; nothing when the list fits on one page. */
export function SearchedListPager({ path, q, page, pageCount, label, previousText, nextText }: Omit<NumberedProps, 'href'> & { path: string; q?: string }) {
  if (pageCount <= 1) return null;
  return <NumberedPager label={label} page={page} pageCount={pageCount} href={(p) => pagedHref(path, q ? { q } : {}, p)} previousText={previousText} nextText={nextText} />;
}
