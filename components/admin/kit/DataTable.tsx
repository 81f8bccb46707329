import Link from 'next/link';

type CellAttributes = React.TdHTMLAttributes<HTMLTableCellElement> & { [data: `data-${string}`]: string };

export interface Column<Row> {
  key: string;
  header: React.ReactNode;
  /** Classes of the header cell; `py-2` when absent. */
  headerClassName?: string;
  /** Classes of the body cells; `py-2` when absent. */
  cellClassName?: string;
  /** Further attributes of one body cell (an indent, a data attribute). */
  cellAttributes?: (row: Row) => CellAttributes;
  cell: (row: Row) => React.ReactNode;
}

interface Props<Row> {
  rows: readonly Row[];
  columns: readonly (Column<Row> | null | false | undefined)[];
  /** Shown instead of the table when there are no rows; without it an empty table is drawn. */
  empty?: React.ReactNode;
  headClassName?: string;
  rowClassName?: string;
  /** Marks the row being looked at (`aria-current`), e.g. the revision shown below the list. */
  isCurrent?: (row: Row) => boolean;
}

const HEAD = 'border-b border-neutral-300 text-xs text-neutral-600 dark:border-neutral-700 dark:text-neutral-400';
const ROW = 'border-b border-neutral-200 dark:border-neutral-800';

/** The admin list table: one header row of column names, one row per item, or a note when empty. */
export function DataTable<Row extends { id: number }>({ rows, columns, empty, headClassName = HEAD, rowClassName = ROW, isCurrent }: Props<Row>) {
  if (!rows.length && empty !== undefined) return empty;
  const shown = columns.filter((c): c is Column<Row> => Boolean(c));
  return (
    <table className="w-full text-left text-sm">
      <thead className={headClassName || undefined}>
        <tr>
          {shown.map((c) => (
            <th key={c.key} scope="col" className={c.headerClassName ?? 'py-2'}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={rowClassName} aria-current={isCurrent?.(row) ? 'true' : undefined}>
            {shown.map((c) => (
              <td key={c.key} className={c.cellClassName ?? 'py-2'} {...c.cellAttributes?.(row)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The quiet line a list shows when it has nothing in it. */
export function EmptyNote({ children, className = '' }: { children: React.ReactNode; className?: string }) {
  return <p className={`${className ? `${className} ` : ''}text-sm text-neutral-600 dark:text-neutral-400`}>{children}</p>;
}

/** The item's name in the first column, linking to its edit screen. */
export function TitleLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="font-medium hover:underline">
      {children}
    </Link>
  );
}

/** A public address (`/section/slug`) in monospace, linking to the live page. */
export function AddressLink({ href }: { href: string }) {
  return (
    <Link href={href} className="font-mono text-xs underline">
      {href}
    </Link>
  );
}

/** The last column: buttons for the row, named only for screen readers in the header. */
export function actionsColumn<Row>(label: string, cell: (row: Row) => React.ReactNode, cellClassName?: string): Column<Row> {
  return { key: 'actions', header: <span className="sr-only">{label}</span>, cell, cellClassName };
}
