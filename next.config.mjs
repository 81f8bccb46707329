/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite ships a WASM Postgres and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  output: process.env.STANDALONE === '1' ? 'standalone' : undefined,
  // CI type-checks in its own step (npm run typecheck) and may skip the duplicate pass here.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === '1' },
  experimental: {
    // A long article with tables is a few hundred KB of editor JSON; the DAL's own limits
    // (lib/rich-text/schema.ts) refuse anything bigger than they accept with a field error.
    serverActions: { bodySizeLimit: '4mb' },
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
    return [
      { source: '/:path*', headers: security },
      { source: '/preview/:path*', headers: privatePages },
      { source: '/admin/:path*', headers: privatePages },
    ];
  },
};

export default nextConfig;
