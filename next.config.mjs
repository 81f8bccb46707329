import { fileURLToPath } from 'node:url';
import { ROUTE_SEGMENTS } from './domain/reserved-slugs.mjs';
import { cdnHeaders } from './domain/cdn/cache-control.mjs';
import { READER_CSP, hstsFor } from './domain/security-headers.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Hashing every cached page (45 KB) per request to build an ETag costs more throughput than the
  // occasional 304 saves; pages carry Cache-Control with s-maxage for caches in front instead.
  generateEtags: false,
  // PGlite ships a WASM Postgres and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  output: process.env.STANDALONE === '1' ? 'standalone' : undefined,
  // db/migrate.ts reads the committed SQL from process.cwd()/drizzle at start-up, a path no import
  // names: ship it with every server function (Vercel) and in the standalone output.
  outputFileTracingIncludes: { '/**': ['./drizzle/**/*'] },
  // CI type-checks in its own step (npm run typecheck) and may skip the duplicate pass here.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === '1' },
  // Rendered pages and cached reads live in our handler: a segmented LRU of CACHE_MEMORY_MB in each
  // process (read at run time) that a crawl of the archive cannot flush the hot pages out of
  // (docs/decisions/0006-scan-resistant-page-cache.md), Redis shared by several servers (0009), and
  // rendered pages in the database itself with durable tag expiry (0015). Never on local disk, where
  // another server on the same build (a test server on another database) would read pages rendered
  // from a different database. Next's own in-memory LRU is off (0) so nothing is stored twice.
  cacheHandler: fileURLToPath(new URL('./services/page-cache/handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  experimental: {
    // Not read by our handler (it never writes to disk); kept so that Next's default never would either.
    isrFlushToDisk: false,
    // A long article with tables is a few hundred KB of editor JSON; the DAL's own limits
    // (domain/rich-text/schema.ts) refuse anything bigger than they accept with a field error.
    serverActions: { bodySizeLimit: '4mb' },
  },
  async rewrites() {
    // Reader lists are on-demand cached routes keyed by their path, which a query string is not:
    // `/` → the front edition, `/{slug}?page=N` → listing N. A `?page=` that is not a number falls
    // through to app/(site)/[slug], which answers 404. Names of other top-level routes are excluded.
    const slug = `:slug((?!${ROUTE_SEGMENTS.map((segment) => `${segment}$`).join('|')})[a-z0-9][a-z0-9-]{0,119})`;
    return {
      beforeFiles: [
        { source: '/', destination: '/editions/front' },
        { source: `/${slug}`, has: [{ type: 'query', key: 'page', value: '(?<page>[1-9]\\d{0,5})' }], destination: '/listing/:slug/:page' },
        { source: `/${slug}`, missing: [{ type: 'query', key: 'page' }], destination: '/listing/:slug/1' },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    const security = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
    ];
    // Drafts and the newsroom must never sit in a shared cache or a search index.
    const privatePages = [
      { key: 'Cache-Control', value: 'private, no-store' },
      { key: 'X-Robots-Tag', value: 'noindex' },
    ];
    // On Vercel no server/http-server.mjs runs to add HSTS at run time: the build's SITE_URL decides.
    const hsts = process.env.VERCEL ? hstsFor(process.env.SITE_URL) : null;
    if (hsts) security.push({ key: 'Strict-Transport-Security', value: hsts });
    return [
      { source: '/:path*', headers: security },
      // The newsroom and previews get a per-request policy with a nonce from proxy.ts instead.
      { source: '/', headers: [{ key: 'Content-Security-Policy', value: READER_CSP }] },
      { source: '/:path((?!admin(?:/|$)|preview(?:/|$)).+)', headers: [{ key: 'Content-Security-Policy', value: READER_CSP }] },
      // Reader pages: s-maxage + stale-while-revalidate for a CDN or caching proxy (docs/scaling.md).
      ...cdnHeaders(),
      { source: '/preview/:path*', headers: privatePages },
      { source: '/admin/:path*', headers: privatePages },
    ];
  },
};

export default nextConfig;
