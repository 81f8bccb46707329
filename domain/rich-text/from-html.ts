import { Parser } from 'htmlparser2';
import { safeHref } from './render';
import type { RichTextDoc, RichTextNode } from './schema';

/**
 * HTML → the editor's document, on the server: the same node and mark types the editor's schema
 * (components/admin/editor/extensions.ts) and the renderer (render.ts) know, built the way the
 * editor builds a paste: inline content gathered into paragraphs, images lifted to blocks, and
 * everything else reduced to its text. Only the attributes a node has are read (href, src, alt,
 * width, height, start), so scripts, event handlers and styles cannot survive; links go through
 * `safeHref` like the editor's. Used for imported content; the result still goes through
 * `cleanRichText` and the renderer's sanitiser like anything an editor sends.
 */

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

type Mark = NonNullable<RichTextNode['marks']>[number];

export interface HtmlToDocOptions {
  /** Resolves relative `src` and `href` (`/wp-content/…`) against the old site. */
  baseUrl?: string;
}

/** Elements dropped with everything inside them. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'math', 'canvas', 'audio', 'video', 'map']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'wbr', 'col', 'area', 'base', 'param', 'track', 'embed']);
const MARKS: Record<string, string> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', ins: 'underline', s: 'strike', strike: 'strike', del: 'strike', code: 'code', kbd: 'code', sup: 'superscript', sub: 'subscript' };
/** How deep the source is walked, and how deep blocks nest in the result (the schema allows 24). */
const MAX_SOURCE_DEPTH = 200;
const MAX_BLOCK_NESTING = 6;

function parse(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: El = { tag: name, attrs, children: [] };
        // Past the depth limit the elements are not kept, their text is (in the deepest kept one).
        if (stack.length < MAX_SOURCE_DEPTH) stack.at(-1)!.children.push(el);
        if (!VOID.has(name)) stack.push(stack.length < MAX_SOURCE_DEPTH ? el : stack.at(-1)!);
      },
      ontext(text) {
        stack.at(-1)!.children.push(text);
      },
      onclosetag(name, implied) {
        if (VOID.has(name) && !implied) return;
        if (VOID.has(name)) return;
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

function resolveUrl(raw: string | undefined, baseUrl: string | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (baseUrl && value.startsWith('/') && !value.startsWith('//')) {
    try {
      return new URL(value, baseUrl).href;
    } catch {
      return null;
    }
  }
  return safeHref(value);
}

function imageSrc(raw: string | undefined, baseUrl: string | undefined): string | null {
  const href = resolveUrl(raw, baseUrl);
  return href && /^https?:/i.test(href) ? href : null;
}

const positive = (value: string | undefined) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : null;
};

function textOf(el: El | string): string {
  if (typeof el === 'string') return el;
  if (DROPPED.has(el.tag)) return '';
  return el.children.map(textOf).join('');
}

function findImage(el: El): El | null {
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    if (child.tag === 'img') return child;
    const inner = findImage(child);
    if (inner) return inner;
  }
  return null;
}

class Builder {
  constructor(private readonly options: HtmlToDocOptions) {}

  /** Blocks of a container (body, blockquote, list item, table cell). */
  blocks(children: (El | string)[], nesting: number): RichTextNode[] {
    const out: RichTextNode[] = [];
    let inline: RichTextNode[] = [];
    const flush = () => {
      const paragraph = this.paragraph(inline);
      if (paragraph) out.push(paragraph);
      inline = [];
    };
    const visit = (nodes: (El | string)[], marks: Mark[]) => {
      for (const node of nodes) {
        if (typeof node === 'string') {
          if (node) inline.push({ type: 'text', text: node, ...(marks.length ? { marks } : {}) });
          continue;
        }
        if (DROPPED.has(node.tag)) continue;
        const block = this.block(node, nesting);
        if (block !== undefined) {
          flush();
          out.push(...block);
          continue;
        }
        if (node.tag === 'br') {
          inline.push({ type: 'hardBreak' });
          continue;
        }
        visit(node.children, this.withMark(node, marks));
      }
    };
    visit(children, []);
    flush();
    return out;
  }

  /** The nodes a block element becomes, or undefined for an inline element. */
  private block(el: El, nesting: number): RichTextNode[] | undefined {
    const deeper = nesting + 1;
    const flat = nesting >= MAX_BLOCK_NESTING;
    switch (el.tag) {
      case 'p':
      case 'div':
      case 'section':
      case 'article':
      case 'header':
      case 'footer':
      case 'main':
      case 'aside':
      case 'center':
      case 'address':
      case 'dl':
      case 'dt':
      case 'dd':
      case 'details':
      case 'summary':
      case 'tbody':
      case 'thead':
      case 'tfoot':
        return this.blocks(el.children, nesting);
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const level = Math.min(4, Math.max(2, Number(el.tag[1])));
        const content = this.inline(el.children);
        const images = this.imagesIn(el);
        return content.length ? [{ type: 'heading', attrs: { level }, content }, ...images] : images;
      }
      case 'blockquote': {
        const content = this.blocks(el.children, deeper);
        if (flat || !content.length) return content;
        return [{ type: 'blockquote', content }];
      }
      case 'ul':
      case 'ol': {
        const items = el.children
          .filter((c): c is El => typeof c !== 'string' && c.tag === 'li')
          .map((li) => this.blocks(li.children, deeper))
          .filter((content) => content.length);
        if (flat) return items.flat();
        if (!items.length) return [];
        const start = positive(el.attrs.start);
        return [{ type: el.tag === 'ul' ? 'bulletList' : 'orderedList', ...(el.tag === 'ol' && start && start > 1 ? { attrs: { start } } : {}), content: items.map((content) => ({ type: 'listItem', content: ensureParagraphFirst(content) })) }];
      }
      case 'li':
        return this.blocks(el.children, nesting);
      case 'pre': {
        const text = textOf(el).replace(/^\n/, '');
        return text.trim() ? [{ type: 'codeBlock', content: [{ type: 'text', text }] }] : [];
      }
      case 'hr':
        return [{ type: 'horizontalRule' }];
      case 'img': {
        const image = this.image(el, '');
        return image ? [image] : [];
      }
      case 'figure': {
        const img = findImage(el);
        const caption = el.children.find((c): c is El => typeof c !== 'string' && c.tag === 'figcaption');
        const image = img ? this.image(img, caption ? collapse(textOf(caption)).trim() : '') : null;
        if (image) return [image];
        return this.blocks(el.children, nesting);
      }
      case 'iframe': {
        const url = resolveUrl(el.attrs.src, this.options.baseUrl);
        return url && /^https?:/i.test(url) ? [{ type: 'embed', attrs: { url, title: collapse(el.attrs.title ?? '').trim() } }] : [];
      }
      case 'table':
        return flat ? this.blocks(el.children, nesting) : this.table(el, deeper);
      default:
        return undefined;
    }
  }

  private table(el: El, nesting: number): RichTextNode[] {
    const rows: El[] = [];
    const collect = (node: El) => {
      for (const child of node.children) {
        if (typeof child === 'string') continue;
        if (child.tag === 'tr') rows.push(child);
        else if (['thead', 'tbody', 'tfoot'].includes(child.tag)) collect(child);
      }
    };
    collect(el);
    const content = rows
      .map((tr) => ({
        type: 'tableRow',
        content: tr.children
          .filter((c): c is El => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
          .map((cell) => ({ type: cell.tag === 'th' ? 'tableHeader' : 'tableCell', content: ensureParagraphFirst(this.blocks(cell.children, nesting)) })),
      }))
      .filter((row) => row.content.length);
    return content.length ? [{ type: 'table', content }] : [];
  }

  private image(img: El, caption: string): RichTextNode | null {
    const src = imageSrc(img.attrs.src, this.options.baseUrl);
    if (!src) return null;
    const width = positive(img.attrs.width);
    const height = positive(img.attrs.height);
    return { type: 'image', attrs: { src, alt: collapse(img.attrs.alt ?? '').trim(), caption, width, height, mediaId: null } };
  }

  private imagesIn(el: El): RichTextNode[] {
    const out: RichTextNode[] = [];
    const walk = (node: El) => {
      for (const child of node.children) {
        if (typeof child === 'string') continue;
        if (child.tag === 'img') {
          const image = this.image(child, '');
          if (image) out.push(image);
        } else walk(child);
      }
    };
    walk(el);
    return out;
  }

  /** Text and marks of an element that may only hold inline content (a heading). */
  private inline(children: (El | string)[]): RichTextNode[] {
    const out: RichTextNode[] = [];
    const visit = (nodes: (El | string)[], marks: Mark[]) => {
      for (const node of nodes) {
        if (typeof node === 'string') out.push({ type: 'text', text: node, ...(marks.length ? { marks } : {}) });
        else if (node.tag === 'br') out.push({ type: 'hardBreak' });
        else if (!DROPPED.has(node.tag) && node.tag !== 'img') visit(node.children, this.withMark(node, marks));
      }
    };
    visit(children, []);
    return tidyInline(out);
  }

  private withMark(el: El, marks: Mark[]): Mark[] {
    if (el.tag === 'a') {
      const href = resolveUrl(el.attrs.href, this.options.baseUrl);
      return href ? [...marks.filter((m) => m.type !== 'link'), { type: 'link', attrs: { href } }] : marks;
    }
    const type = MARKS[el.tag];
    return type && !marks.some((m) => m.type === type) ? [...marks, { type }] : marks;
  }

  private paragraph(inline: RichTextNode[]): RichTextNode | null {
    const content = tidyInline(inline);
    return content.length ? { type: 'paragraph', content } : null;
  }
}

const collapse = (text: string) => text.replace(/[ \t\r\n\f]+/g, ' ');

/** HTML whitespace rules: runs collapse to one space, none at the ends of a block or around a break. */
function tidyInline(nodes: RichTextNode[]): RichTextNode[] {
  const out: RichTextNode[] = [];
  for (const node of nodes) {
    if (node.type !== 'text') {
      if (out.at(-1)?.type === 'text') out.at(-1)!.text = out.at(-1)!.text!.replace(/ $/, '');
      out.push(node);
      continue;
    }
    let text = collapse(node.text ?? '');
    const previous = out.at(-1);
    if (!previous || previous.type === 'hardBreak' || previous.text?.endsWith(' ')) text = text.replace(/^ /, '');
    if (!text) continue;
    if (previous?.type === 'text' && JSON.stringify(previous.marks ?? []) === JSON.stringify(node.marks ?? [])) previous.text += text;
    else out.push({ ...node, text });
  }
  const last = out.at(-1);
  if (last?.type === 'text') last.text = last.text!.replace(/ $/, '');
  while (out.length && (out.at(-1)!.type === 'hardBreak' || out.at(-1)!.text === '')) out.pop();
  while (out.length && out[0]!.type === 'hardBreak') out.shift();
  // A paragraph of nothing but spaces (WordPress's &nbsp; spacers) is not kept.
  return out.some((n) => n.type === 'text' && n.text!.replace(/[\s\u00a0]/g, '') !== '') ? out : [];
}

/** The editor's list items and table cells start with a paragraph. */
function ensureParagraphFirst(content: RichTextNode[]): RichTextNode[] {
  return content[0]?.type === 'paragraph' ? content : [{ type: 'paragraph' }, ...content];
}

export function htmlToRichText(html: string, options: HtmlToDocOptions = {}): RichTextDoc {
  const root = parse(html);
  return { type: 'doc', content: new Builder(options).blocks(root.children, 0) };
}
