/**
 * Text for XML 1.0: the five special characters escaped, and the characters XML forbids
 * (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF) dropped, since a
 * single one makes the whole feed unreadable to every feed reader.
 */
export function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `<name>text</name>`, or nothing for an empty value. */
export function element(name: string, value: string | null | undefined): string {
  return value ? `<${name}>${xmlText(value)}</${name}>` : '';
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
