/**
 * Page weight: HTML bytes and JavaScript bytes, raw and as sent with gzip.
 */
import { gzipSync } from "node:zlib";
import { decodeEntities } from "./discover.js";
import { httpRequest, isLoopback } from "./util.js";

export interface TransferSize {
  url: string;
  status: number;
  /** Body bytes without Accept-Encoding (identity). */
  rawBytes: number;
  /** Body bytes as sent for `Accept-Encoding: gzip`. */
  gzipBytes: number;
  /** Content-Encoding of that response ("identity" if none). */
  gzipEncoding: string;
  /** gzip -6 of the raw body, for reference when the server did not compress. */
  gzipLocalBytes: number;
}

export interface PageWeight {
  html: TransferSize;
  scripts: TransferSize[];
  scriptFiles: number;
  jsRawBytes: number;
  jsGzipBytes: number;
  inlineScripts: number;
  inlineScriptBytes: number;
  /** Scripts on other origins: listed, never fetched (loopback only). */
  externalScripts: string[];
}

export interface ScriptTags {
  srcs: string[];
  inline: string[];
}

/** `<script src=...>` URLs and inline script bodies in document order. */
export function scriptTags(html: string): ScriptTags {
  const srcs: string[] = [];
  const inline: string[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[1] ?? "");
    if (src) srcs.push(decodeEntities(src[1] ?? src[2] ?? src[3] ?? ""));
    else inline.push(m[2] ?? "");
  }
  return { srcs, inline };
}

async function transferSize(url: string): Promise<{ size: TransferSize; body: Buffer }> {
  const raw = await httpRequest(url, { headers: { "accept-encoding": "identity" }, timeoutMs: 60_000 });
  const gz = await httpRequest(url, { headers: { "accept-encoding": "gzip" }, timeoutMs: 60_000 });
  const encoding = String(gz.headers["content-encoding"] ?? "identity");
  const size: TransferSize = {
    url,
    status: raw.status,
    rawBytes: raw.body.length,
    gzipBytes: gz.body.length,
    gzipEncoding: encoding,
    gzipLocalBytes: gzipSync(raw.body, { level: 6 }).length,
  };
  return { size, body: raw.body };
}

/** Measure the HTML of `origin + path` and every script it references. */
export async function pageWeight(origin: string, path: string): Promise<{ weight: PageWeight; html: Buffer }> {
  const { size: html, body } = await transferSize(`${origin}${path}`);
  const { srcs, inline } = scriptTags(body.toString("utf8"));
  const pageUrl = new URL(`${origin}${path}`);
  const seen = new Set<string>();
  const scripts: TransferSize[] = [];
  const externalScripts: string[] = [];
  for (const src of srcs) {
    const abs = new URL(src, pageUrl);
    if (abs.origin !== pageUrl.origin || !isLoopback(abs)) {
      externalScripts.push(abs.href);
      continue;
    }
    if (seen.has(abs.href)) continue;
    seen.add(abs.href);
    scripts.push((await transferSize(abs.href)).size);
  }
  const weight: PageWeight = {
    html,
    scripts,
    scriptFiles: scripts.length,
    jsRawBytes: scripts.reduce((s, x) => s + x.rawBytes, 0),
    jsGzipBytes: scripts.reduce((s, x) => s + x.gzipBytes, 0),
    inlineScripts: inline.length,
    inlineScriptBytes: inline.reduce((s, x) => s + Buffer.byteLength(x), 0),
    externalScripts,
  };
  return { weight, html: body };
}
