/** What a WordPress export (WXR 1.0–1.2) holds, as read from the XML, before any mapping. */

export interface WxrChannel {
  wxrVersion: string;
  title: string;
  link: string;
  language: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
  problems: string[];
}

export interface WxrCategory {
  termId: string;
  slug: string;
  /** The parent's slug (nicename), as WordPress writes it; '' for a top-level category. */
  parent: string;
  name: string;
  description: string;
  problems: string[];
}

export interface WxrTag {
  termId: string;
  slug: string;
  name: string;
  description: string;
  problems: string[];
}

export interface WxrTerm {
  domain: string;
  slug: string;
  name: string;
}

export interface WxrItem {
  postId: string;
  guid: string;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  /** Site-local time, `YYYY-MM-DD HH:MM:SS`. */
  postDate: string;
  /** UTC, `YYYY-MM-DD HH:MM:SS`; `0000-00-00 00:00:00` for a post never scheduled. */
  postDateGmt: string;
  postName: string;
  status: string;
  postType: string;
  postParent: string;
  password: string;
  isSticky: boolean;
  attachmentUrl: string;
  terms: WxrTerm[];
  meta: { key: string; value: string }[];
  approvedComments: number;
  /** Reasons the item cannot be imported (a field over its limit): it is skipped with them. */
  problems: string[];
}

export type WxrEvent =
  | { kind: 'channel'; channel: WxrChannel }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'category'; category: WxrCategory }
  | { kind: 'tag'; tag: WxrTag }
  | { kind: 'item'; item: WxrItem };

/** A file refused as a whole: the message says why, in words an editor can act on. */
export class WxrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WxrError';
  }
}

export const WXR_LIMITS = {
  /** Characters of an item's title; a longer one skips the item. */
  title: 1_000,
  /** Characters of a post body; a longer one skips the item. */
  content: 2_000_000,
  /** Characters of any other field; a longer value is dropped (a name or slug: the record is skipped). */
  field: 100_000,
  /** Characters of one custom field's value (page builders store large ones); longer ones are dropped. */
  metaValue: 1_000_000,
  /** Characters one record may hold in all; past it the record is skipped. */
  record: 4_000_000,
  /** Characters the parser may buffer without reaching markup: past it the file is refused. */
  run: 16_000_000,
  /** Element nesting; WXR needs six levels. */
  depth: 32,
} as const;
