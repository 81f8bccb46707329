import 'server-only';
import { notFound, permanentRedirect, redirect } from 'next/navigation';
import { getRedirect } from './reader';
import { isSlugParam, parsePageParam } from '../domain/urls';
import { normalizeRedirectFrom, REDIRECT_PATH_MAX } from '../domain/validation/redirect';

/** A slug from the URL, or a 404 for anything that is not a plain slug (encoded junk, `..`, NUL). */
export function slugOr404(raw: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    notFound();
  }
  if (!isSlugParam(decoded)) notFound();
  return decoded;
}

export function pageOr404(value: string | string[] | undefined): number {
  const page = parsePageParam(value);
  if (page === null) notFound();
  return page;
}

/** Before a 404: an editor may have recorded where this old URL went. */
export async function followRedirectOr404(rawPath: string): Promise<never> {
  // Stored decoded (domain/validation/redirect.ts); params may reach here still encoded.
  const path = rawPath.length <= 3 * REDIRECT_PATH_MAX ? normalizeRedirectFrom(rawPath) : null;
  if (path !== null && path.length <= REDIRECT_PATH_MAX) {
    const target = await getRedirect(path);
    if (target) {
      if (target.statusCode === 302 || target.statusCode === 307) redirect(target.toPath);
      permanentRedirect(target.toPath);
    }
  }
  notFound();
}
