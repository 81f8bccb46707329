/**
 * Which sidebar link is the current one, and how: the page itself ("page"), or the section a
 * detail page sits under ("true": /admin/articles for /admin/articles/37/revisions). The longest
 * matching link wins, so /admin/articles/new marks 写文章, not 文章, and /admin only itself.
 */
export function navCurrent(pathname: string, hrefs: readonly string[]): { href: string; current: 'page' | 'true' } | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  let best: string | null = null;
  for (const href of hrefs) {
    if ((path === href || path.startsWith(`${href}/`)) && (!best || href.length > best.length)) best = href;
  }
  return best ? { href: best, current: best === path ? 'page' : 'true' } : null;
}
