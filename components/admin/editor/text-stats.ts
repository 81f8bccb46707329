import type { RichTextDoc, RichTextNode } from '@/lib/rich-text/schema';

/*
 * Client copies of richTextToPlainText and countWords from lib/rich-text/render.ts, which cannot be
 * imported here: that module pulls sanitize-html (and with it postcss) into the browser bundle.
 * Keep the semantics identical: CJK characters count as words, captions count as text.
 */

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'codeBlock', 'tableRow', 'figure', 'image']);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

export function docToPlainText(doc: RichTextDoc): string {
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

export function textStats(text: string): { words: number; characters: number } {
  const characters = [...text.replace(/\s/g, '')].length;
  const cjk = (text.match(CJK) ?? []).length;
  const latinWords = (text.replace(CJK, ' ').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
  return { words: cjk + latinWords, characters };
}
