import { notFound } from 'next/navigation';

/** `/admin/articles/[id]`: a plain positive integer or a 404 (never a database error). */
export function articleIdOr404(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const id = Number(raw);
  if (id < 1) notFound();
  return id;
}
