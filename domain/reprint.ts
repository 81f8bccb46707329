/** Fills the reprint template (`转载请标注：{site}——{title}`); unknown placeholders stay as typed. */
export function reprintNotice(template: string, values: { site: string; title: string; url: string }): string {
  const filled = template.replace(/\{(site|title|url)\}/g, (_, key: 'site' | 'title' | 'url') => values[key]);
  return template.includes('{url}') ? filled : `${filled} ${values.url}`;
}
