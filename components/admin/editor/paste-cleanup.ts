/**
 * Pasted HTML from Word, Google Docs or a web page carries styles, classes, Office XML and
 * conditional comments. The editor schema already drops unknown elements; this removes the
 * junk the schema would otherwise keep (as attributes or as stray text) while keeping what
 * the styling meant where it matters (bold/italic spans from Google Docs, h1 → h2).
 */
export function cleanPastedHtml(html: string): string {
  if (typeof DOMParser === 'undefined') return html;
  const withoutOfficeComments = html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const doc = new DOMParser().parseFromString(withoutOfficeComments, 'text/html');
  const body = doc.body;

  body.querySelectorAll('style, script, meta, link, title, xml, template, iframe, object').forEach((el) => el.remove());
  // Word's list bullets and numbers are literal text in spans marked mso-list:Ignore.
  body.querySelectorAll('[style*="mso-list"]').forEach((el) => {
    if (/mso-list:\s*ignore/i.test(el.getAttribute('style') ?? '')) el.remove();
  });
  // Office namespaced tags (o:p, v:shape, w:sdt…) keep their text, lose the wrapper.
  Array.from(body.querySelectorAll('*'))
    .filter((el) => el.tagName.includes(':'))
    .forEach((el) => unwrap(el));
  // Google Docs wraps the whole clipboard in a bold tag that is not bold.
  body.querySelectorAll('b[id^="docs-internal-guid"]').forEach((el) => unwrap(el));
  body.querySelectorAll('span[style]').forEach((span) => keepInlineMeaning(span, doc));
  body.querySelectorAll('h1').forEach((el) => rename(el, 'h2', doc));
  body.querySelectorAll('h5, h6').forEach((el) => rename(el, 'h4', doc));

  // WeChat articles load images lazily: the real address is in data-src, and src may still be a
  // placeholder (a data: URL the editor drops). The remote address is then offered for re-hosting.
  body.querySelectorAll('img[data-src]').forEach((img) => {
    const real = img.getAttribute('data-src') ?? '';
    const src = img.getAttribute('src') ?? '';
    if (/^https?:\/\//i.test(real) && (!src || src.startsWith('data:'))) img.setAttribute('src', real);
  });

  body.querySelectorAll('*').forEach((el) => {
    for (const name of el.getAttributeNames()) {
      if (!KEPT_ATTRIBUTES.has(name)) el.removeAttribute(name);
    }
  });
  return body.innerHTML;
}

const KEPT_ATTRIBUTES = new Set(['href', 'src', 'alt', 'width', 'height', 'start', 'colspan', 'rowspan', 'data-embed-url', 'data-embed-title']);

function unwrap(el: Element) {
  el.replaceWith(...Array.from(el.childNodes));
}

function rename(el: Element, tag: string, doc: Document) {
  const replacement = doc.createElement(tag);
  replacement.append(...Array.from(el.childNodes));
  el.replaceWith(replacement);
}

function keepInlineMeaning(span: Element, doc: Document) {
  const style = (span.getAttribute('style') ?? '').toLowerCase();
  let inner: Node[] = Array.from(span.childNodes);
  const wrap = (tag: string) => {
    const wrapper = doc.createElement(tag);
    wrapper.append(...inner);
    inner = [wrapper];
  };
  if (/font-weight:\s*(bold|[6-9]00)/.test(style)) wrap('strong');
  if (/font-style:\s*italic/.test(style)) wrap('em');
  if (/vertical-align:\s*super/.test(style)) wrap('sup');
  if (/vertical-align:\s*sub/.test(style)) wrap('sub');
  span.replaceWith(...inner);
}
