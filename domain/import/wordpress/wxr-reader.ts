import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { WXR_LIMITS, WxrError, type WxrAuthor, type WxrCategory, type WxrChannel, type WxrEvent, type WxrItem, type WxrTag } from './wxr-types';

/**
 * Reads a WordPress export as a stream of records (channel, authors, categories, tags, items), one
 * chunk at a time: memory holds the current record, never the file. The XML parser (saxes) knows
 * only the five XML entities and numeric references; a DOCTYPE that could declare entities
 * (billion laughs) or load them (external entities) is refused before anything is read past it.
 * A file that is not well-formed, not RSS or not a WordPress export is refused with a WxrError
 * saying so; a record with a field over its limit is handed on with `problems` and skipped later.
 */

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  'dc:creator': 'creator',
  guid: 'guid',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'postId',
  'wp:post_date': 'postDate',
  'wp:post_date_gmt': 'postDateGmt',
  'wp:post_name': 'postName',
  'wp:status': 'status',
  'wp:post_type': 'postType',
  'wp:post_parent': 'postParent',
  'wp:post_password': 'password',
  'wp:attachment_url': 'attachmentUrl',
};
const AUTHOR_FIELDS: Record<string, keyof WxrAuthor> = {
  'wp:author_id': 'id',
  'wp:author_login': 'login',
  'wp:author_email': 'email',
  'wp:author_display_name': 'displayName',
  'wp:author_first_name': 'firstName',
  'wp:author_last_name': 'lastName',
};
const CATEGORY_FIELDS: Record<string, keyof WxrCategory> = {
  'wp:term_id': 'termId',
  'wp:category_nicename': 'slug',
  'wp:category_parent': 'parent',
  'wp:cat_name': 'name',
  'wp:category_description': 'description',
};
const TAG_FIELDS: Record<string, keyof WxrTag> = { 'wp:term_id': 'termId', 'wp:tag_slug': 'slug', 'wp:tag_name': 'name', 'wp:tag_description': 'description' };
const CHANNEL_FIELDS: Record<string, keyof WxrChannel> = {
  title: 'title',
  link: 'link',
  language: 'language',
  'wp:wxr_version': 'wxrVersion',
  'wp:base_site_url': 'baseSiteUrl',
  'wp:base_blog_url': 'baseBlogUrl',
};
const RECORDS = new Set(['item', 'wp:author', 'wp:category', 'wp:tag']);

function emptyItem(): WxrItem {
  return {
    postId: '', guid: '', title: '', link: '', creator: '', content: '', excerpt: '', postDate: '', postDateGmt: '', postName: '', status: '', postType: '',
    postParent: '', password: '', isSticky: false, attachmentUrl: '', terms: [], meta: [], approvedComments: 0, problems: [],
  };
}

type Record_ =
  | { kind: 'item'; value: WxrItem; size: number }
  | { kind: 'author'; value: WxrAuthor; size: number }
  | { kind: 'category'; value: WxrCategory; size: number }
  | { kind: 'tag'; value: WxrTag; size: number };

function newRecord(name: string): Record_ {
  if (name === 'item') return { kind: 'item', value: emptyItem(), size: 0 };
  if (name === 'wp:author') return { kind: 'author', value: { id: '', login: '', email: '', displayName: '', firstName: '', lastName: '', problems: [] }, size: 0 };
  if (name === 'wp:category') return { kind: 'category', value: { termId: '', slug: '', parent: '', name: '', description: '', problems: [] }, size: 0 };
  return { kind: 'tag', value: { termId: '', slug: '', name: '', description: '', problems: [] }, size: 0 };
}

function fieldLimit(record: Record_['kind'], name: string): number {
  if (record === 'item' && name === 'title') return WXR_LIMITS.title;
  if (record === 'item' && name === 'content:encoded') return WXR_LIMITS.content;
  if (name === 'wp:meta_value') return WXR_LIMITS.metaValue;
  return WXR_LIMITS.field;
}

/** A parser that pushes finished records into `out`; the caller drains it between chunks. */
function createParser(out: WxrEvent[]) {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  const channel: WxrChannel = { wxrVersion: '', title: '', link: '', language: '', baseSiteUrl: '', baseBlogUrl: '' };
  let channelSent = false;
  let record: Record_ | null = null;
  let text = '';
  let overflow = false;
  let meta: { key: string; value: string } | null = null;
  let comment: { approved: string; type: string } | null = null;
  let term: { domain: string; slug: string } | null = null;
  const state = { lastEventAt: 0, sawRoot: false };

  const fail = (message: string): never => {
    throw new WxrError(message);
  };
  const sendChannel = () => {
    if (channelSent) return;
    if (!channel.wxrVersion) fail('This is not a WordPress export: its channel has no wp:wxr_version (export the site from Tools → Export in WordPress).');
    channelSent = true;
    out.push({ kind: 'channel', channel: { ...channel } });
  };

  parser.on('error', (error) => fail(`The file is not well-formed XML (line ${parser.line}, column ${parser.column}): ${error.message.replace(/^.*?:\d+:\d+: /, '')}`));
  parser.on('doctype', (doctype) => {
    // WordPress never writes a DOCTYPE; one that declares or loads entities is an attack or a mistake.
    if (/<!ENTITY|\[|\bSYSTEM\b|\bPUBLIC\b/i.test(doctype)) fail('The file declares entities in a DOCTYPE: refused (WordPress exports never do; this is how entity-expansion and external-entity attacks work).');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    state.lastEventAt = parser.position;
    const name = tag.name;
    const depth = stack.length + 1;
    if (depth > WXR_LIMITS.depth) fail(`The file nests elements deeper than ${WXR_LIMITS.depth} levels: this is not a WordPress export.`);
    if (depth === 1 && name !== 'rss') fail(`This is not a WordPress export: the document is <${name}>, not an RSS file with wp:wxr_version.`);
    if (depth === 2 && name !== 'channel') fail('This is not a WordPress export: <rss> must hold a <channel>.');
    state.sawRoot = true;
    stack.push(name);
    text = '';
    overflow = false;
    if (depth === 3 && RECORDS.has(name)) {
      sendChannel();
      record = newRecord(name);
    }
    if (record?.kind === 'item' && depth === 4) {
      if (name === 'category') term = { domain: String(tag.attributes.domain ?? ''), slug: String(tag.attributes.nicename ?? '') };
      if (name === 'wp:postmeta') meta = { key: '', value: '' };
      if (name === 'wp:comment') comment = { approved: '', type: '' };
    }
  });
  const onText = (chunk: string) => {
    state.lastEventAt = parser.position;
    if (stack.length < 3 || overflow) return;
    const name = stack.at(-1)!;
    const limit = record ? fieldLimit(record.kind, name) : WXR_LIMITS.field;
    if (text.length + chunk.length > limit) {
      overflow = true;
      text = '';
      return;
    }
    if (record) {
      record.size += chunk.length;
      if (record.size > WXR_LIMITS.record) {
        overflow = true;
        text = '';
        const problem = `larger than ${WXR_LIMITS.record.toLocaleString('en')} characters in all`;
        if (!record.value.problems.includes(problem)) record.value.problems.push(problem);
        return;
      }
    }
    text += chunk;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('comment', () => (state.lastEventAt = parser.position));
  parser.on('processinginstruction', () => (state.lastEventAt = parser.position));
  parser.on('closetag', () => {
    state.lastEventAt = parser.position;
    const name = stack.pop()!;
    const depth = stack.length + 1;
    const value = text;
    const tooLong = overflow;
    text = '';
    overflow = false;
    if (depth === 3 && !record && CHANNEL_FIELDS[name] && !tooLong) channel[CHANNEL_FIELDS[name]] = value.trim();
    if (!record) return;
    if (depth === 3) {
      const done = record;
      record = null;
      out.push(done.kind === 'item' ? { kind: 'item', item: done.value } : done.kind === 'author' ? { kind: 'author', author: done.value } : done.kind === 'category' ? { kind: 'category', category: done.value } : { kind: 'tag', tag: done.value });
      return;
    }
    if (tooLong) {
      const limit = fieldLimit(record.kind, name);
      const essential = (record.kind === 'item' && (name === 'title' || name === 'content:encoded')) || (record.kind !== 'item' && name !== 'wp:category_description' && name !== 'wp:tag_description');
      if (essential) record.value.problems.push(`${name === 'content:encoded' ? 'content' : name.replace(/^wp:/, '')} longer than ${limit.toLocaleString('en')} characters`);
      return;
    }
    if (record.kind === 'item') {
      const item = record.value;
      if (depth === 4) {
        if (ITEM_FIELDS[name]) (item[ITEM_FIELDS[name]] as string) = name === 'content:encoded' || name === 'excerpt:encoded' ? value : value.trim();
        else if (name === 'wp:is_sticky') item.isSticky = value.trim() === '1';
        else if (name === 'category' && term) {
          item.terms.push({ domain: term.domain, slug: term.slug, name: value.trim() });
          term = null;
        } else if (name === 'wp:postmeta' && meta) {
          if (meta.key) item.meta.push(meta);
          meta = null;
        } else if (name === 'wp:comment' && comment) {
          if (comment.approved === '1' && (comment.type === '' || comment.type === 'comment')) item.approvedComments++;
          comment = null;
        }
      } else if (depth === 5 && meta) {
        if (name === 'wp:meta_key') meta.key = value.trim();
        if (name === 'wp:meta_value') meta.value = value;
      } else if (depth === 5 && comment) {
        if (name === 'wp:comment_approved') comment.approved = value.trim();
        if (name === 'wp:comment_type') comment.type = value.trim();
      }
      return;
    }
    if (depth !== 4) return;
    const fields: Record<string, string> = record.kind === 'author' ? AUTHOR_FIELDS : record.kind === 'category' ? CATEGORY_FIELDS : TAG_FIELDS;
    if (fields[name]) (record.value as unknown as Record<string, string>)[fields[name]] = value.trim();
  });

  return {
    write(chunk: string) {
      parser.write(chunk);
      if (parser.position - state.lastEventAt > WXR_LIMITS.run) fail(`A single piece of text in the file is longer than ${WXR_LIMITS.run / 1_000_000} million characters: refused.`);
    },
    close() {
      if (!state.sawRoot) fail('The file is empty or not XML.');
      parser.close();
      sendChannel();
    },
  };
}

/**
 * The records of a WXR file, in file order; the channel event comes before the first record. Throws
 * a WxrError when the file is refused (after the records read so far have been handed out: a
 * caller that must write nothing of a bad file reads it once first, see services/import).
 */
export async function* readWxr(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncGenerator<WxrEvent> {
  const out: WxrEvent[] = [];
  const parser = createParser(out);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for await (const chunk of source) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    while (out.length) yield out.shift()!;
  }
  parser.write(decoder.decode());
  parser.close();
  while (out.length) yield out.shift()!;
}
