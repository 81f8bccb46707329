import type { RichTextDoc, RichTextNode } from '@/domain/rich-text/schema';

/** `figure` is the renderer's other name for an image; the editor knows it only as `image`. */
function normalize(node: RichTextNode): RichTextNode {
  const renamed = node.type === 'figure' ? { ...node, type: 'image' } : node;
  return renamed.content ? { ...renamed, content: renamed.content.map(normalize) } : renamed;
}

export function toEditorDoc(doc: RichTextDoc): RichTextDoc {
  return { ...doc, content: (doc.content ?? []).map(normalize) };
}

/** Whether every node and mark type in the document exists in the editor's schema. */
export function usesOnlyKnownTypes(doc: RichTextDoc, known: { nodes: Record<string, unknown>; marks: Record<string, unknown> }): boolean {
  const visit = (node: RichTextNode): boolean =>
    node.type in known.nodes && (node.marks ?? []).every((mark) => mark.type in known.marks) && (node.content ?? []).every(visit);
  return (doc.content ?? []).every(visit);
}
