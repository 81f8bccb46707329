import fs from 'node:fs';
import path from 'node:path';
import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from '@/components/admin/editor/extensions';
import { toEditorDoc } from '@/components/admin/editor/to-editor-doc';
import { wordpressContentToDoc } from '@/domain/import/wordpress/content';
import { readWxr } from '@/domain/import/wordpress/wxr-reader';

// An imported body must open in the editor like one it wrote: every node valid in its ProseMirror
// schema (content expressions included), or the editor would show it read-only.
const schema = getSchema(editorExtensions({ missingAlt: 'Missing alt text', placeholder: '' }));
const editorAccepts = (content: string) => {
  const doc = toEditorDoc(wordpressContentToDoc(content, 'https://old.example.test'));
  schema.nodeFromJSON(doc.content.length ? doc : { type: 'doc', content: [{ type: 'paragraph' }] }).check();
  return true;
};

describe('imported bodies in the editor’s schema', () => {
  it('every body of the fixture export is a valid editor document', async () => {
    const xml = fs.readFileSync(path.join(__dirname, '../fixtures/wordpress/site.xml'), 'utf8').replaceAll('__ORIGIN__', 'https://old.example.test');
    let bodies = 0;
    for await (const event of readWxr([xml])) {
      if (event.kind !== 'item' || !event.item.content) continue;
      expect(editorAccepts(event.item.content)).toBe(true);
      bodies++;
    }
    expect(bodies).toBe(10);
  });

  it('awkward HTML still makes a valid document: images in links, headings and lists, tables with blocks, empty cells, nested lists', () => {
    for (const html of [
      '<a href="/x"><img src="/a.png" alt="a"></a> text',
      '<h2>Title <img src="/a.png" alt=""></h2>',
      '<ul><li>One<ul><li>Nested <img src="/b.png" alt="b"></li></ul></li><li></li></ul>',
      '<table><tr><td></td><td><p>a</p><blockquote>q</blockquote></td></tr></table>',
      '<blockquote><ol><li><pre>code</pre></li></ol></blockquote>',
      '<p>Line<br><br></p><hr><iframe src="https://video.example/embed/1" title="Video"></iframe>',
      `${'<div>'.repeat(300)}deep${'</div>'.repeat(300)}`,
      `${'<ul><li>'.repeat(40)}deep list${'</li></ul>'.repeat(40)}`,
    ]) expect(editorAccepts(html)).toBe(true);
  });
});
