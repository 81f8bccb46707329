import type { RichTextDoc, RichTextNode } from '../rich-text/schema';

/**
 * One alt text per library image (issue 15): the body's image nodes carry a `mediaId` and their own
 * `alt`; these helpers read and rewrite those pairs without touching anything else in the document.
 */

const mediaIdOf = (node: RichTextNode): number | null => {
  const id = node.type === 'image' ? node.attrs?.mediaId : null;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
};

function walk(nodes: RichTextNode[] | undefined, visit: (node: RichTextNode) => void) {
  for (const node of nodes ?? []) {
    visit(node);
    walk(node.content, visit);
  }
}

/** The first non-empty alt given to each library image in `doc`. */
export function imageAltsByMedia(doc: RichTextDoc): Map<number, string> {
  const alts = new Map<number, string>();
  walk(doc.content, (node) => {
    const id = mediaIdOf(node);
    const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt.trim() : '';
    if (id !== null && alt && !alts.has(id)) alts.set(id, alt);
  });
  return alts;
}

function rewrite(node: RichTextNode, mediaId: number, alt: string): { node: RichTextNode; changed: boolean } {
  let changed = false;
  let next = node;
  if (mediaIdOf(node) === mediaId && node.attrs?.alt !== alt) {
    next = { ...node, attrs: { ...node.attrs, alt } };
    changed = true;
  }
  if (node.content) {
    const children = node.content.map((child) => rewrite(child, mediaId, alt));
    if (children.some((c) => c.changed)) {
      next = { ...next, content: children.map((c) => c.node) };
      changed = true;
    }
  }
  return { node: next, changed };
}

/** `doc` with every image of `mediaId` given `alt`; the same object when none differed. */
export function withMediaAlt(doc: RichTextDoc, mediaId: number, alt: string): RichTextDoc {
  const children = doc.content.map((node) => rewrite(node, mediaId, alt));
  return children.some((c) => c.changed) ? { ...doc, content: children.map((c) => c.node) } : doc;
}

/** Whether `src` points off this site: an absolute http(s) address (library images are `/media/…`). */
export function isRemoteImageSrc(src: unknown, ownOrigin?: string): src is string {
  if (typeof src !== 'string' || !/^https?:\/\//i.test(src.trim())) return false;
  try {
    return !ownOrigin || new URL(src.trim()).origin !== ownOrigin;
  } catch {
    return false;
  }
}
