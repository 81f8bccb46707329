import type { RichTextDoc, RichTextNode } from './schema';

/*
 * A story's text without markup, and its length, by one rule for the server (search columns,
 * excerpts, revision diffs) and the editor's counter in the browser. Kept apart from render.ts,
 * whose sanitiser (sanitize-html, postcss) must not reach the browser bundle.
 */

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'codeBlock', 'tableRow', 'figure', 'image']);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** One line per block; image captions count as text, table cells are separated by a space. */
export function richTextToPlainText(doc: RichTextDoc): string {
  const lines: string[] = [];
  let current = '';
  const walk = (node: RichTextNode) => {
    if (node.type === 'text') current += node.text ?? '';
    else if (node.type === 'hardBreak') current += '\n';
    else if ((node.type === 'image' || node.type === 'figure') && typeof node.attrs?.caption === 'string') current += node.attrs.caption;
    for (const child of node.content ?? []) walk(child);
    if (BLOCKS.has(node.type)) {
      if (current.trim()) lines.push(current.trim());
      current = '';
    } else if (node.type === 'tableCell' || node.type === 'tableHeader') current += ' ';
  };
  for (const node of doc.content ?? []) walk(node);
  if (current.trim()) lines.push(current.trim());
  return lines.join('\n');
}

/** Characters for CJK, words for Latin text: what an editor means by "length". */
export function countWords(text: string): { words: number; characters: number } {
  const characters = [...text.replace(/\s/g, '')].length;
  const cjk = (text.match(CJK) ?? []).length;
  const latinWords = (text.replace(CJK, ' ').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
  return { words: cjk + latinWords, characters };
}
