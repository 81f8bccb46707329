import { VIDEO_PLAYER_ORIGINS, videoPlayerFor } from '../video-players.mjs';
import sanitizeHtml from 'sanitize-html';
import type { RichTextDoc, RichTextNode } from './schema';

export { countWords, richTextToPlainText } from './plain-text';
import type { MediaRenderInfo } from '../media/render-info';
import { t as siteT, type Locale } from '../i18n/messages';

export interface RenderOptions {
  /** Library images by id: their nodes get responsive sources and intrinsic sizes. */
  media?: Map<number, MediaRenderInfo>;
  /** The language of the story, for the words around an image's credit (图片来源：… / Photo: …). */
  locale?: Locale;
}

/** An image's caption and credit, as its figcaption (empty when it has neither). */
function figcaption(node: RichTextNode, locale: Locale): string {
  const caption = typeof attr(node, 'caption') === 'string' ? (attr(node, 'caption') as string).trim() : '';
  const credit = typeof attr(node, 'credit') === 'string' ? (attr(node, 'credit') as string).trim() : '';
  if (!caption && !credit) return '';
  const creditHtml = credit ? `<span class="photo-credit">${escapeHtml(siteT(locale, 'photoCredit', { name: credit }))}</span>` : '';
  return `<figcaption>${escapeHtml(caption)}${caption && credit ? ' ' : ''}${creditHtml}</figcaption>`;
}

const BODY_SIZES = '(max-width: 48rem) 100vw, 46rem';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Only links a reader can safely follow: http(s), mailto, tel, and site-relative paths. */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // Browsers ignore control characters and whitespace inside schemes (java\tscript:).
  const value = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  // `//host` and `/\host` are both protocol-relative to a browser.
  if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return value;
  if (value.startsWith('#')) return value;
  try {
    const url = new URL(value);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function safeImageSrc(raw: unknown): string | null {
  const href = safeHref(raw);
  if (!href || href.startsWith('mailto:') || href.startsWith('tel:') || href.startsWith('#')) return null;
  return href;
}

function attr(node: RichTextNode, name: string): unknown {
  return node.attrs?.[name];
}

function renderMarks(node: RichTextNode): string {
  let html = escapeHtml(node.text ?? '').replace(/\n/g, '<br>');
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case 'bold':
        html = `<strong>${html}</strong>`;
        break;
      case 'italic':
        html = `<em>${html}</em>`;
        break;
      case 'underline':
        html = `<u>${html}</u>`;
        break;
      case 'strike':
        html = `<s>${html}</s>`;
        break;
      case 'code':
        html = `<code>${html}</code>`;
        break;
      case 'superscript':
        html = `<sup>${html}</sup>`;
        break;
      case 'subscript':
        html = `<sub>${html}</sub>`;
        break;
      case 'link': {
        const href = safeHref(mark.attrs?.href);
        if (href) {
          const external = /^https?:/.test(href);
          html = `<a href="${escapeHtml(href)}"${external ? ' rel="noopener noreferrer nofollow"' : ''}>${html}</a>`;
        }
        break;
      }
      default:
        break; // unknown marks are dropped, their text kept
    }
  }
  return html;
}

function renderChildren(node: RichTextNode, options: RenderOptions): string {
  return (node.content ?? []).map((child) => renderNode(child, options)).join('');
}

function alignStyle(node: RichTextNode): string {
  const align = attr(node, 'textAlign');
  return align === 'center' || align === 'right' ? ` style="text-align:${align}"` : '';
}

function renderNode(node: RichTextNode, options: RenderOptions): string {
  switch (node.type) {
    case 'text':
      return renderMarks(node);
    case 'paragraph':
      return `<p${alignStyle(node)}>${renderChildren(node, options)}</p>`;
    case 'heading': {
      const level = Number(attr(node, 'level'));
      const tag = level === 3 ? 'h3' : level === 4 ? 'h4' : 'h2'; // h1 belongs to the title
      return `<${tag}${alignStyle(node)}>${renderChildren(node, options)}</${tag}>`;
    }
    case 'blockquote':
      return `<blockquote>${renderChildren(node, options)}</blockquote>`;
    case 'bulletList':
      return `<ul>${renderChildren(node, options)}</ul>`;
    case 'orderedList': {
      const start = Number(attr(node, 'start'));
      const startAttr = Number.isInteger(start) && start > 1 && start < 100000 ? ` start="${start}"` : '';
      return `<ol${startAttr}>${renderChildren(node, options)}</ol>`;
    }
    case 'listItem':
      return `<li>${renderChildren(node, options)}</li>`;
    case 'horizontalRule':
      return '<hr>';
    case 'hardBreak':
      return '<br>';
    case 'codeBlock':
      return `<pre><code>${escapeHtml((node.content ?? []).map((c) => c.text ?? '').join(''))}</code></pre>`;
    case 'image':
    case 'figure': {
      const alt = typeof attr(node, 'alt') === 'string' ? (attr(node, 'alt') as string) : '';
      const caption = figcaption(node, options.locale ?? 'zh-CN');
      const library = options.media?.get(Number(attr(node, 'mediaId')));
      if (library) {
        const srcset = library.fallbackSrcset ? ` srcset="${escapeHtml(library.fallbackSrcset)}" sizes="${BODY_SIZES}"` : '';
        const img = `<img src="${escapeHtml(library.src)}"${srcset} alt="${escapeHtml(alt)}" width="${library.width}" height="${library.height}" loading="lazy" decoding="async">`;
        const source = library.webpSrcset ? `<source type="image/webp" srcset="${escapeHtml(library.webpSrcset)}" sizes="${BODY_SIZES}">` : '';
        return `<figure><picture>${source}${img}</picture>${caption}</figure>`;
      }
      const src = safeImageSrc(attr(node, 'src'));
      if (!src) return '';
      const width = Number(attr(node, 'width'));
      const height = Number(attr(node, 'height'));
      const size =
        Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0
          ? ` width="${width}" height="${height}"`
          : '';
      const img = `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${size} loading="lazy" decoding="async">`;
      return `<figure>${img}${caption}</figure>`;
    }
    case 'table':
      return `<div class="table-wrap"><table>${renderChildren(node, options)}</table></div>`;
    case 'tableRow':
      return `<tr>${renderChildren(node, options)}</tr>`;
    case 'tableHeader':
      return `<th>${renderChildren(node, options)}</th>`;
    case 'tableCell':
      return `<td>${renderChildren(node, options)}</td>`;
    case 'embed': {
      const href = safeHref(attr(node, 'url'));
      if (!href) return '';
      const title = typeof attr(node, 'title') === 'string' && (attr(node, 'title') as string).trim() ? (attr(node, 'title') as string) : href;
      const video = videoPlayerFor(href);
      return video ? videoHtml(video, href, title) : `<p class="embed"><a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(title)}</a></p>`;
    }
    default:
      // Unknown blocks keep their text so nothing an editor wrote disappears.
      return renderChildren(node, options);
  }
}

/**
 * A video from an allowed site behind a click-to-play placeholder, with no script of ours: the
 * player sits in a closed <details>, and a lazy iframe there is not loaded (no request to the video
 * site, no cookie) until the reader opens it. Sandboxed; the link to the video's page stays for
 * feed readers and for readers whose browser does not frame it.
 */
function videoHtml(video: { name: string; src: string }, href: string, title: string): string {
  const name = escapeHtml(title);
  return (
    `<figure class="video"><details class="video-embed"><summary><span class="video-play" aria-hidden="true">▶</span> ${name} · ${escapeHtml(video.name)}</summary>` +
    `<div class="video-frame"><iframe src="${escapeHtml(video.src)}" title="${name}" loading="lazy" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" ` +
    `allow="fullscreen; picture-in-picture; encrypted-media" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe></div></details>` +
    `<figcaption><a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(href)}</a></figcaption></figure>`
  );
}

/** The allowlist the rendered HTML must fit; a second line of defence behind the renderer. */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'hr', 'br', 'pre', 'code', 'strong', 'em', 'u', 's',
    'sup', 'sub', 'a', 'figure', 'figcaption', 'picture', 'source', 'img', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
    'details', 'summary', 'span', 'iframe',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'decoding', 'srcset', 'sizes'],
    source: ['type', 'srcset', 'sizes'],
    ol: ['start'],
    p: ['style', 'class'],
    h2: ['style'],
    h3: ['style'],
    h4: ['style'],
    div: ['class'],
    figure: ['class'],
    details: ['class'],
    span: ['class', 'aria-hidden'],
    iframe: ['src', 'title', 'loading', 'sandbox', 'allow', 'referrerpolicy', 'allowfullscreen'],
  },
  // Video players only, from the allowed sites (domain/video-players.mjs), by absolute https address.
  allowedIframeHostnames: VIDEO_PLAYER_ORIGINS.map((origin) => new URL(origin).hostname),
  allowIframeRelativeUrls: false,
  // A frame whose address was refused is dropped whole, not left empty.
  exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
  allowedStyles: { '*': { 'text-align': [/^(left|center|right)$/] } },
  allowedClasses: { p: ['embed'], div: ['table-wrap', 'video-frame'], figure: ['video'], details: ['video-embed'], span: ['video-play', 'photo-credit'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

export function renderRichText(doc: RichTextDoc, options: RenderOptions = {}): string {
  return sanitizeBodyHtml((doc.content ?? []).map((node) => renderNode(node, options)).join(''));
}

