import { Mark, Node, mergeAttributes } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { SensitiveWordHighlight } from './sensitive-highlight';

export interface ImageAttrs {
  src: string;
  alt: string;
  caption: string;
  /** Who took or owns the picture, shown to readers as 图片来源：… / Photo: … */
  credit?: string;
  width?: number | null;
  height?: number | null;
  /** Set for media-library images: readers then get responsive sources. */
  mediaId?: number | null;
}

export interface EmbedAttrs {
  url: string;
  title: string;
}

function positiveInt(value: string | null): number | null {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : null;
}

/**
 * A block image with caption, stored as the `image` node the server renderer knows.
 * It is an atom: caption and alt are edited in a dialog, so alt text can be enforced.
 */
const Figure = Node.create<{ missingAltLabel: string }>({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addOptions() {
    return { missingAltLabel: 'Missing alt text' };
  },
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: '' },
      caption: { default: '' },
      credit: { default: '' },
      width: { default: null },
      height: { default: null },
      mediaId: { default: null },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (element) => {
          const img = element.querySelector('img');
          const src = img?.getAttribute('src');
          if (!img || !src || src.startsWith('data:')) return false;
          return {
            src,
            alt: img.getAttribute('alt') ?? '',
            caption: (element.querySelector('figcaption')?.firstChild?.textContent ?? '').trim(),
            credit: element.getAttribute('data-credit') ?? '',
            width: positiveInt(img.getAttribute('width')),
            height: positiveInt(img.getAttribute('height')),
          };
        },
      },
      {
        tag: 'img[src]:not([src^="data:"])',
        getAttrs: (element) => ({
          src: element.getAttribute('src'),
          alt: element.getAttribute('alt') ?? '',
          caption: '',
          width: positiveInt(element.getAttribute('width')),
          height: positiveInt(element.getAttribute('height')),
        }),
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, caption, credit, width, height } = node.attrs as ImageAttrs;
    const missingAlt = !String(alt ?? '').trim();
    const img = ['img', mergeAttributes({ src, alt: alt ?? '', width, height })];
    const figureAttrs: Record<string, string> = { class: 'editor-figure' };
    if (missingAlt) figureAttrs['data-missing-alt'] = this.options.missingAltLabel;
    if (credit) figureAttrs['data-credit'] = credit;
    return caption ? ['figure', figureAttrs, img, ['figcaption', {}, caption]] : ['figure', figureAttrs, img];
  },
});

/** A link to outside content (video, post, document), shown to readers as a titled link. */
const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { url: { default: '' }, title: { default: '' } };
  },
  parseHTML() {
    return [
      {
        tag: 'div[data-embed-url]',
        getAttrs: (element) => ({
          url: element.getAttribute('data-embed-url') ?? '',
          title: element.getAttribute('data-embed-title') ?? '',
        }),
      },
    ];
  },
  renderHTML({ node }) {
    const { url, title } = node.attrs as EmbedAttrs;
    return [
      'div',
      { class: 'editor-embed', 'data-embed-url': url, 'data-embed-title': title },
      ['span', { class: 'editor-embed-title' }, title || url],
      ['span', { class: 'editor-embed-url' }, url],
    ];
  },
});

const Superscript = Mark.create({
  name: 'superscript',
  excludes: 'subscript',
  parseHTML: () => [{ tag: 'sup' }],
  renderHTML: ({ HTMLAttributes }) => ['sup', HTMLAttributes, 0],
});

const Subscript = Mark.create({
  name: 'subscript',
  excludes: 'superscript',
  parseHTML: () => [{ tag: 'sub' }],
  renderHTML: ({ HTMLAttributes }) => ['sub', HTMLAttributes, 0],
});

/** Exactly the nodes and marks domain/rich-text/render.ts knows how to render. */
/** `highlight`: the site's sensitive words, marked in the text as the publish checklist finds them. */
export function editorExtensions(labels: { missingAlt: string; placeholder: string; sensitiveWord?: string }, highlight: readonly string[] = []) {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        // Tiptap's link mark is inclusive exactly when autolink is on: text typed right after a link
        // would then join it. Editors expect a link to end where they made it end; a pasted address
        // still becomes a link (linkOnPaste), and the link button makes one from a selection.
        autolink: false,
        defaultProtocol: 'https',
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    Figure.configure({ missingAltLabel: labels.missingAlt }),
    Embed,
    Superscript,
    Subscript,
    TableKit.configure({ table: { resizable: false } }),
    Placeholder.configure({ placeholder: labels.placeholder }),
    SensitiveWordHighlight.configure({ words: highlight, title: labels.sensitiveWord ?? '' }),
  ];
}
