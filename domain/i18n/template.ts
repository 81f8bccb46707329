/** What fills a template's `{name}` placeholders. */
export type TemplateParams = Record<string, string | number>;

/**
 * A template with its `{name}` placeholders filled; a placeholder without a value stays as it is
 * (the reprint template's own `{site}` and `{title}` are shown to the user verbatim).
 */
export function fill(template: string, params?: TemplateParams): string {
  if (!params) return template;
  const [head, ...rest] = template.split('{');
  return (
    head +
    rest
      .map((part) => {
        const end = part.indexOf('}');
        const name = part.slice(0, end);
        return end > 0 && Object.hasOwn(params, name) ? String(params[name]) + part.slice(end + 1) : `{${part}`;
      })
      .join('')
  );
}

/** `t(key, params)` over one language's table. */
export function tableTranslator<K extends string>(table: Record<K, string>) {
  return (key: K, params?: TemplateParams) => fill(table[key], params);
}
