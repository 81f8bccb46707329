import { htmlToRichText } from '../../rich-text/from-html';
import type { RichTextDoc } from '../../rich-text/schema';

/**
 * A WordPress post body as stored (what WordPress itself turns into a page at display time) →
 * the HTML it would show, as far as Gazette can know it without the site's plugins: block
 * comments and other comments removed, [caption] as a figure, other known shortcodes reduced to
 * their content or removed, and classic-editor text (blank-line separated, no <p>) turned into
 * paragraphs the way wpautop does. Then the shared HTML → document conversion.
 */

/** Shortcodes of WordPress itself and of the page builders met most in exports. */
const KNOWN_SHORTCODES = /^(caption|wp_caption|gallery|embed|audio|video|playlist|contact-form(-7)?|(vc|et_pb|fusion|su|av|mk|ux|tie|dt|cs)_[a-z0-9_-]+)$/i;
// Bounded repetitions: a hostile body full of unclosed brackets must not make these regexes quadratic.
const SHORTCODE = /\[(\/)?([a-zA-Z][a-zA-Z0-9_-]{0,60})(\s[^\]]{0,2000})?\]/g;

function attribute(attrs: string, name: string): string {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\S+))`, 'i').exec(attrs);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : '';
}

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** [caption …]<img …> Text[/caption] → <figure><img …><figcaption>Text</figcaption></figure>. */
function captions(html: string): string {
  return html.replace(/\[(caption|wp_caption)([^\]]{0,2000})\]([\s\S]{0,20000}?)\[\/\1\]/gi, (_all, _name: string, attrs: string, inner: string) => {
    const image = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i.exec(inner);
    const text = (image ? inner.replace(image[0], '') : inner).trim() || attribute(attrs, 'caption');
    if (!image) return text;
    return `<figure>${image[0]}<figcaption>${text}</figcaption></figure>`;
  });
}

/** Other known shortcodes: [embed]url[/embed] becomes a link, wrappers keep their content, the rest goes. */
function shortcodes(html: string): string {
  const embedded = html.replace(/\[embed[^\]]*\]\s*(https?:\/\/[^\s[<]+)\s*\[\/embed\]/gi, (_all, url: string) => `<p><a href="${escapeAttr(url)}">${escapeAttr(url)}</a></p>`);
  return embedded.replace(SHORTCODE, (all, _closing: string, name: string) => (KNOWN_SHORTCODES.test(name) ? '' : all));
}

const BLOCK_TAGS = 'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|script|iframe|object|video|audio';
const STARTS_WITH_BLOCK = new RegExp(`^\\s*<(${BLOCK_TAGS})[\\s/>]`, 'i');
const OPEN_BLOCK = new RegExp(`<(${BLOCK_TAGS})[\\s>]`, 'gi');
const CLOSE_BLOCK = new RegExp(`</(${BLOCK_TAGS})>`, 'gi');

/**
 * wpautop, simplified: text separated by blank lines becomes paragraphs and single newlines line
 * breaks, except where a chunk is (or is inside) a block element, which is left as written.
 */
export function autop(text: string): string {
  const chunks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const out: string[] = [];
  let open = 0;
  let pending = '';
  for (const chunk of chunks) {
    pending = pending ? `${pending}\n\n${chunk}` : chunk;
    open += (chunk.match(OPEN_BLOCK)?.length ?? 0) - (chunk.match(CLOSE_BLOCK)?.length ?? 0);
    if (open > 0) continue; // inside a block element: blank lines there are its own
    open = 0;
    const part = pending.trim();
    pending = '';
    if (!part) continue;
    out.push(STARTS_WITH_BLOCK.test(part) ? part : `<p>${part.replace(/\n/g, '<br>\n')}</p>`);
  }
  if (pending.trim()) out.push(pending.trim());
  return out.join('\n');
}

/** True for content written in the block editor: WordPress does not run wpautop on it. */
export const hasBlocks = (content: string) => content.includes('<!-- wp:');

export function wordpressContentToHtml(content: string): string {
  const blocks = hasBlocks(content);
  const withoutComments = content.replace(/<!--[\s\S]*?-->/g, '');
  const html = shortcodes(captions(withoutComments));
  return blocks ? html : autop(html);
}

export function wordpressContentToDoc(content: string, baseUrl?: string): RichTextDoc {
  return htmlToRichText(wordpressContentToHtml(content), { baseUrl });
}
