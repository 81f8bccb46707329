/** A workflow state (draft, published, in the trash…) as a small grey chip. */
export function StatusBadge({ children }: { children: React.ReactNode }) {
  return <span className="whitespace-nowrap rounded bg-neutral-200 px-2 py-0.5 text-xs dark:bg-neutral-800">{children}</span>;
}
