import type { RichTextDoc, RichTextNode } from '../../domain/rich-text/schema';
import type { DemoBlock } from './demo-content';

const text = (value: string): RichTextNode => ({ type: 'text', text: value });
const paragraph = (value: string): RichTextNode => ({ type: 'paragraph', content: [text(value)] });

/** Demo content is written as simple blocks; the database stores editor documents. */
export function blocksToDoc(blocks: DemoBlock[]): RichTextDoc {
  return {
    type: 'doc',
    content: blocks.map((block): RichTextNode => {
      switch (block.type) {
        case 'paragraph':
          return paragraph(block.text);
        case 'heading':
          return { type: 'heading', attrs: { level: block.level }, content: [text(block.text)] };
        case 'quote':
          return { type: 'blockquote', content: [paragraph(block.text)] };
        case 'list':
          return {
            type: block.ordered ? 'orderedList' : 'bulletList',
            content: block.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
          };
        case 'embed':
          return { type: 'embed', attrs: { url: block.url, title: block.title } };
      }
    }),
  };
}
