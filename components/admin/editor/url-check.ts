/**
 * A quick client-side check so the dialogs can say "bad address" before saving; the server
 * (domain/rich-text/render.ts safeHref) stays the authority and drops anything unsafe.
 */
export function looksLikeSafeUrl(raw: string, kind: 'link' | 'resource'): boolean {
  const value = raw.trim();
  if (value.startsWith('/')) return !value.startsWith('//') && !value.startsWith('/\\');
  if (kind === 'link' && value.startsWith('#')) return true;
  try {
    const url = new URL(value);
    const allowed = kind === 'link' ? ['http:', 'https:', 'mailto:', 'tel:'] : ['http:', 'https:'];
    return allowed.includes(url.protocol);
  } catch {
    return false;
  }
}
