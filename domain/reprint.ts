/**
 * Fills the reprint template (`转载请标注：{site}——{title}`); unknown placeholders stay as typed. The
 * template decides whether the line carries the story's address: with `{url}` it does, without it
 * it does not (as on the reference page).
 */
export function reprintNotice(template: string, values: { site: string; title: string; url: string }): string {
  return template.replace(/\{(site|title|url)\}/g, (_, key: 'site' | 'title' | 'url') => values[key]);
}
