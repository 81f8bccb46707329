import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import { sensitiveRanges } from '@/domain/publishing/sensitive-words';

const key = new PluginKey('sensitiveWords');

/** Marks every listed word in the body's text, as the checklist would find it (display only, never saved). */
function decorate(doc: PmNode, words: readonly string[], title: string): DecorationSet {
  if (!words.length) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // A word may run across marks (bold in the middle): match on the block's whole text.
    let text = '';
    const starts: number[] = [];
    node.forEach((child, offset) => {
      if (!child.isText) return;
      for (let i = 0; i < child.text!.length; i++) starts.push(pos + 1 + offset + i);
      text += child.text;
    });
    for (const [from, to] of sensitiveRanges(text, words)) {
      decorations.push(Decoration.inline(starts[from]!, starts[to - 1]! + 1, { class: 'sensitive-word', title }));
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const SensitiveWordHighlight = Extension.create<{ words: readonly string[]; title: string }>({
  name: 'sensitiveWordHighlight',
  addOptions() {
    return { words: [], title: '' };
  },
  addProseMirrorPlugins() {
    const { words, title } = this.options;
    return [
      new Plugin({
        key,
        state: {
          init: (_config, state) => decorate(state.doc, words, title),
          apply: (tr, old) => (tr.docChanged ? decorate(tr.doc, words, title) : old),
        },
        props: { decorations: (state) => key.getState(state) as DecorationSet },
      }),
    ];
  },
});
