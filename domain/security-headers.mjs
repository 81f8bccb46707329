// @ts-check
/**
 * The Content-Security-Policy and Strict-Transport-Security Gazette sends (issue 10, item 5).
 * Plain ESM JavaScript: next.config.mjs (reader pages), proxy.ts (the admin and previews) and
 * server/http-server.mjs (HSTS) import it.
 *
 * - The admin (/admin) and previews (/preview) are rendered per request, so each response gets a
 *   fresh nonce: only scripts Next.js marks with it (and what they load, 'strict-dynamic') run.
 *   Nothing may frame them (but this site may frame its staff preview), and <base> is refused.
 * - Reader pages are prerendered and shared by every reader (Next's cache, the micro-cache, a CDN):
 *   they cannot carry a per-request nonce, and are not made dynamic to get one. They get the
 *   strictest policy that holds without one: no plugins, no <base> to another origin, no framing
 *   by other sites, forms posting to this site only.
 */

import { VIDEO_PLAYER_ORIGINS } from './video-players.mjs';

/**
 * Reader pages and everything else outside the admin: the same value for every response. Frames
 * only from this site and the video players stories may embed (domain/video-players.mjs).
 */
export const READER_CSP = `object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'; frame-src 'self' ${VIDEO_PLAYER_ORIGINS.join(' ')}`;

/**
 * The admin's and the previews' policy for one response.
 * @param {string} nonce base64, fresh for every request
 * @param {boolean} [development] `next dev` needs eval (React's debugging) and a WebSocket (HMR)
 * @param {boolean} [frameable] the staff preview in the site's layout, which the admin's preview
 *   page frames at phone width: framed by this site only
 */
export function adminCsp(nonce, development = false, frameable = false) {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Style attributes (React's style={…}, the editor's) and Tiptap's injected <style>: styles cannot
    // run code. (A nonce here would turn 'unsafe-inline' off.)
    "style-src 'self' 'unsafe-inline'",
    // Cover images may be given as a URL on another site.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    "media-src 'self'",
    // The previews show a story's videos as readers get them.
    `frame-src 'self' ${VIDEO_PLAYER_ORIGINS.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    frameable ? "frame-ancestors 'self'" : "frame-ancestors 'none'",
  ].join('; ');
}

/** One year; subdomains are left to their own sites (no includeSubDomains, no preload). */
export const HSTS = 'max-age=31536000';

/**
 * The Strict-Transport-Security value for a site whose public origin is `siteUrl`, or null (an
 * http:// site, or none configured): browsers ignore the header over http anyway, and sending it
 * from a site that is not served over https would lock readers out.
 * @param {string | undefined} siteUrl
 */
export function hstsFor(siteUrl) {
  return siteUrl?.startsWith('https:') ? HSTS : null;
}
