// @ts-check
/**
 * The video sites a story may embed a player from (issue 13): a pasted watch link becomes that
 * site's own embed address, nothing else. Plain ESM so that next.config.mjs (the reader CSP's
 * frame-src) and the renderer read the same table.
 *
 * @typedef {{ name: string, origin: string, player: (url: URL) => string | null }} VideoPlayer
 */

const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** @param {string | null | undefined} value */
const id = (value) => (value && ID.test(value) ? value : null);
/** @param {URL} url @param {RegExp} pattern */
const fromPath = (url, pattern) => id(pattern.exec(url.pathname)?.[1]);
/** @param {URL} url @param {string[]} hosts */
const onHost = (url, hosts) => hosts.includes(url.hostname.toLowerCase());

/** @type {VideoPlayer[]} */
export const VIDEO_PLAYERS = [
  {
    name: 'bilibili',
    origin: 'https://player.bilibili.com',
    player(url) {
      if (!onHost(url, ['www.bilibili.com', 'bilibili.com', 'm.bilibili.com'])) return null;
      const bvid = fromPath(url, /^\/video\/(BV[A-Za-z0-9]{10})\/?$/);
      if (bvid) return `https://player.bilibili.com/player.html?bvid=${bvid}&autoplay=0`;
      const aid = /^\/video\/av(\d{1,12})\/?$/.exec(url.pathname)?.[1];
      return aid ? `https://player.bilibili.com/player.html?aid=${aid}&autoplay=0` : null;
    },
  },
  {
    name: '腾讯视频',
    origin: 'https://v.qq.com',
    player(url) {
      if (!onHost(url, ['v.qq.com', 'm.v.qq.com'])) return null;
      const vid = fromPath(url, /^\/x\/(?:page|cover\/[A-Za-z0-9]+)\/([A-Za-z0-9]+)\.html$/) ?? id(url.searchParams.get('vid'));
      return vid ? `https://v.qq.com/txp/iframe/player.html?vid=${vid}` : null;
    },
  },
  {
    name: '优酷',
    origin: 'https://player.youku.com',
    player(url) {
      if (!onHost(url, ['v.youku.com', 'm.youku.com'])) return null;
      // Youku ids are base64 and may end with '=' (id_XNTk4MjM3NjUyMA==.html).
      const vid = /^\/v_show\/id_([A-Za-z0-9]{1,64}={0,2})\.html$/.exec(url.pathname)?.[1];
      return vid ? `https://player.youku.com/embed/${vid}` : null;
    },
  },
  {
    name: 'YouTube',
    // The privacy-enhanced player: no cookies until the reader plays.
    origin: 'https://www.youtube-nocookie.com',
    player(url) {
      const host = url.hostname.toLowerCase();
      const video =
        host === 'youtu.be'
          ? fromPath(url, /^\/([A-Za-z0-9_-]{11})$/)
          : ['www.youtube.com', 'youtube.com', 'm.youtube.com'].includes(host)
            ? url.pathname === '/watch'
              ? id(url.searchParams.get('v'))
              : fromPath(url, /^\/(?:embed|shorts|live)\/([A-Za-z0-9_-]{11})$/)
            : null;
      return video ? `https://www.youtube-nocookie.com/embed/${video}` : null;
    },
  },
  {
    name: 'Vimeo',
    origin: 'https://player.vimeo.com',
    player(url) {
      if (!onHost(url, ['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'])) return null;
      const video = /^\/(?:video\/)?(\d{1,12})\/?$/.exec(url.pathname)?.[1];
      return video ? `https://player.vimeo.com/video/${video}` : null;
    },
  },
];

/** The origins the reader pages may frame (their CSP's frame-src). */
export const VIDEO_PLAYER_ORIGINS = VIDEO_PLAYERS.map((p) => p.origin);

/**
 * The player for a pasted link, or null when it is not a video page of an allowed site (it then
 * stays a plain link). Only https pages, without credentials, on the sites' own hosts.
 * @param {string} raw
 * @returns {{ name: string, src: string } | null}
 */
export function videoPlayerFor(raw) {
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.port) return null;
  for (const player of VIDEO_PLAYERS) {
    const src = player.player(url);
    if (src) return { name: player.name, src };
  }
  return null;
}
