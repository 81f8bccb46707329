import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * Server Actions called the way an attacker would: a bare HTTP POST with the action id from the
 * production build's manifest, arguments encoded as React's reply format, and the answer read back
 * from the RSC stream. No browser, no UI: exactly what the public endpoint accepts.
 */

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const manifestPath = path.join(root, '.next/server/server-reference-manifest.json');

export interface ServerActionEntry {
  id: string;
  /** Source file relative to the project, e.g. `actions/articles.ts`. */
  filename: string;
  exportedName: string;
  /** Routes (bundle paths) whose module graph holds the action. */
  workers: string[];
}

/** Every Server Action of the current build (read fresh: the build may change between files). */
export function listServerActions(): ServerActionEntry[] {
  if (!fs.existsSync(manifestPath)) throw new Error('No production build: run `npx next build` first.');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string; workers?: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    filename: entry.filename ?? '',
    exportedName: entry.exportedName ?? '',
    workers: Object.keys(entry.workers ?? {}),
  }));
}

/** The id of an action by its exported name (and file, when two files export the same name). */
export function actionEntry(exportedName: string, filename?: string): ServerActionEntry {
  const matches = listServerActions().filter((a) => a.exportedName === exportedName && (!filename || a.filename === filename || a.filename.endsWith(filename)));
  if (matches.length === 0) throw new Error(`No Server Action "${exportedName}"${filename ? ` in ${filename}` : ''} in the build manifest (is the build current?).`);
  if (matches.length > 1) throw new Error(`"${exportedName}" is exported by ${matches.map((m) => m.filename).join(', ')}: pass the filename.`);
  return matches[0]!;
}

// ---------------------------------------------------------------------------------------------
// Encoding the arguments (React's "reply" format, the subset plain data needs)

function escapeStrings(value: unknown, form: { data: FormData | null; next: number }): unknown {
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (value === undefined) return '$undefined';
  if (value instanceof Date) return `$D${value.toISOString()}`;
  if (value instanceof FormData) {
    form.data ??= new FormData();
    const refId = form.next++;
    const target = form.data;
    // React 19.3 reply format: the entries of FormData #n travel as `_n_<name>`, the root as `0`.
    value.forEach((entry, key) => target.append(`_${refId}_${key}`, entry));
    return `$K${refId.toString(16)}`;
  }
  if (Array.isArray(value)) return value.map((v) => escapeStrings(v, form));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeStrings(v, form)]));
  }
  return value;
}

/** The request body React's client would send for these arguments: text, or multipart when a FormData is among them. */
export function encodeActionArgs(args: unknown[]): { body: string | FormData; contentType?: string } {
  const form = { data: null as FormData | null, next: 1 };
  const json = JSON.stringify(escapeStrings(args, form));
  if (!form.data) return { body: json, contentType: 'text/plain;charset=UTF-8' };
  form.data.set('0', json);
  return { body: form.data };
}

// ---------------------------------------------------------------------------------------------
// Decoding the answer (the rows of the RSC stream)

interface Rows {
  json: Map<string, unknown>;
  text: Map<string, string>;
  errors: Map<string, unknown>;
}

function parseRows(buffer: Buffer): Rows {
  const rows: Rows = { json: new Map(), text: new Map(), errors: new Map() };
  let i = 0;
  while (i < buffer.length) {
    const colon = buffer.indexOf(0x3a, i); // ':'
    if (colon < 0) break;
    const id = buffer.subarray(i, colon).toString('latin1');
    const tag = String.fromCharCode(buffer[colon + 1] ?? 0);
    if (tag === 'T') {
      // T<hex byte length>,<text>: may span lines.
      const comma = buffer.indexOf(0x2c, colon);
      const length = parseInt(buffer.subarray(colon + 2, comma).toString('latin1'), 16);
      rows.text.set(id, buffer.subarray(comma + 1, comma + 1 + length).toString('utf8'));
      i = comma + 1 + length;
      continue;
    }
    let end = buffer.indexOf(0x0a, colon);
    if (end < 0) end = buffer.length;
    const line = buffer.subarray(colon + 1, end).toString('utf8');
    i = end + 1;
    if (!/^[0-9a-f]+$/.test(id)) continue;
    try {
      if (tag === 'E') rows.errors.set(id, JSON.parse(line.slice(1)));
      else if (/^[[{"0-9tfn-]/.test(line)) rows.json.set(id, JSON.parse(line));
      // other row kinds (I: module imports, H: hints, D: debug…) carry no data for us
    } catch {
      // a row type we do not model; ignore it
    }
  }
  return rows;
}

function resolveValue(value: unknown, rows: Rows, depth = 0): unknown {
  if (depth > 50) return value;
  if (typeof value === 'string') {
    if (!value.startsWith('$')) return value;
    if (value.startsWith('$$')) return value.slice(1);
    if (value === '$undefined') return undefined;
    if (value.startsWith('$D')) return value.slice(2);
    if (value.startsWith('$n')) return BigInt(value.slice(2));
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (ref) {
      const id = ref[1]!;
      if (rows.text.has(id)) return rows.text.get(id);
      if (rows.errors.has(id)) return { $error: rows.errors.get(id) };
      if (rows.json.has(id)) return resolveValue(rows.json.get(id), rows, depth + 1);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, rows, depth + 1));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(v, rows, depth + 1)]));
  return value;
}

export type ActionFailureShape = { ok: false; status: number; error: string; fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> };
export type ActionAnswer<T> = { ok: true; data: T } | ActionFailureShape;

export interface ActionCall<T> {
  /** HTTP status of the POST. */
  httpStatus: number;
  headers: http.IncomingHttpHeaders;
  /** The action's return value (undefined when it threw or redirected without one). */
  value: T | undefined;
  /** The error the action threw, as the RSC stream reports it (`{digest, message…}`). */
  thrown?: unknown;
  /** Where a `redirect()` inside the action sends the browser (x-action-redirect), as a path when on this server; else null. */
  redirect: string | null;
  /** Set-Cookie headers of the answer. */
  setCookies: string[];
  raw: string;
}

export interface CallOptions {
  /** A Cookie header value (e.g. `authjs.session-token=…`). */
  cookie?: string;
  /** The Origin header; defaults to the server's own origin (what a browser sends). */
  origin?: string;
  /** The path to post to; `/` keeps the admin proxy's optimistic redirect out of the way. */
  path?: string;
  /** Look the action up in this file when its name is not unique. */
  filename?: string;
  headers?: Record<string, string>;
  /** The local address to connect from (127.0.0.x), i.e. the client IP the server sees. */
  localAddress?: string;
}

/** POSTs a Server Action by its exported name and decodes what it answers. */
export async function callAction<T = unknown>(baseURL: string, exportedName: string, args: unknown[], options: CallOptions | string = {}): Promise<ActionCall<T>> {
  const opts: CallOptions = typeof options === 'string' ? { cookie: options } : options;
  const entry = actionEntry(exportedName, opts.filename);
  return callActionById<T>(baseURL, entry.id, args, opts);
}

export async function callActionById<T = unknown>(baseURL: string, id: string, args: unknown[], opts: CallOptions = {}): Promise<ActionCall<T>> {
  const encoded = encodeActionArgs(args);
  let body: Buffer;
  let contentType = encoded.contentType;
  if (typeof encoded.body === 'string') body = Buffer.from(encoded.body, 'utf8');
  else {
    // Let the platform write the multipart framing, as a browser would.
    const framed = new Response(encoded.body);
    body = Buffer.from(await framed.arrayBuffer());
    contentType = framed.headers.get('content-type') ?? undefined;
  }
  const headers: Record<string, string> = {
    'Next-Action': id,
    Accept: 'text/x-component',
    Origin: opts.origin ?? new URL(baseURL).origin,
    ...(contentType ? { 'Content-Type': contentType } : {}),
    ...(opts.cookie ? { Cookie: opts.cookie } : {}),
    ...opts.headers,
  };
  const res = await request(new URL(opts.path ?? '/', baseURL).href, { method: 'POST', headers, body, localAddress: opts.localAddress });
  const rows = parseRows(res.body);
  const rootRow = rows.json.get('0') as { a?: unknown } | undefined;
  let value: unknown;
  let thrown: unknown;
  if (rootRow && typeof rootRow === 'object' && 'a' in rootRow) {
    const resolved = resolveValue(rootRow.a, rows);
    if (resolved && typeof resolved === 'object' && '$error' in resolved) thrown = (resolved as { $error: unknown }).$error;
    else value = resolved;
  }
  if (thrown === undefined && value === undefined && rows.errors.size) thrown = [...rows.errors.values()][0];
  const redirectHeader = headerOf(res.headers, 'x-action-redirect');
  const location = headerOf(res.headers, 'location');
  const target = redirectHeader ? redirectHeader.split(';')[0]! : res.status >= 300 && res.status < 400 ? location : null;
  return {
    httpStatus: res.status,
    headers: res.headers,
    value: value as T | undefined,
    thrown,
    redirect: target === null ? null : sameOriginPath(target, baseURL),
    setCookies: ([] as string[]).concat(res.headers['set-cookie'] ?? []),
    raw: res.body.toString('utf8'),
  };
}

/** `http://host:port/path?q` of the server itself as `/path?q`; other targets stay as they are. */
function sameOriginPath(target: string, baseURL: string): string {
  const url = new URL(target, baseURL);
  return url.origin === new URL(baseURL).origin ? `${url.pathname}${url.search}` : target;
}

function headerOf(headers: http.IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: () => string;
}

/** A plain HTTP request through node:http, so that the client's source address can be chosen. */
export function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  const target = new URL(url);
  const payload = typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : init.body;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: init.method ?? 'GET',
        headers: { ...(payload ? { 'Content-Length': String(payload.length) } : {}), ...init.headers },
        localAddress: init.localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: () => body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(init.timeoutMs ?? 90_000, () => req.destroy(new Error(`timeout: ${init.method ?? 'GET'} ${url}`)));
    if (payload) req.write(payload);
    req.end();
  });
}

/** The `{ok,…}` answer of a defineAction-based action; fails loudly on anything else. */
export function answerOf<T>(call: ActionCall<ActionAnswer<T>>): ActionAnswer<T> {
  const value = call.value;
  if (!value || typeof value !== 'object' || !('ok' in value)) {
    throw new Error(`Not an action answer (HTTP ${call.httpStatus}, redirect ${call.redirect}): ${call.raw.slice(0, 600)}`);
  }
  return value;
}
