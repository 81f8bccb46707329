// `npm run warm -- https://news.example.com [--concurrency 2] [--limit N]`: requests every story page
// the site's sitemaps list, newest chunk first, so that each is rendered once and kept (memory, Redis,
// and with PostgreSQL the page store, ADR 0015) before readers and crawlers ask: after a deploy,
// which starts the new build with no stored page, or after importing an archive. Pages already
// stored cost a lookup. Run it against one server (or the load balancer) at a low concurrency:
// each render takes a core for ~15 ms.
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { concurrency: { type: 'string', default: '2' }, limit: { type: 'string' } },
});
const origin = positionals[0]?.replace(/\/+$/, '');
const concurrency = Number(values.concurrency);
const limit = values.limit === undefined ? Infinity : Number(values.limit);
if (!origin || !/^https?:\/\/[^/]+$/.test(origin) || positionals.length > 1 || !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 32) || !(limit === Infinity || (Number.isInteger(limit) && limit >= 1))) {
  console.error('Usage: npm run warm -- <site origin, like https://news.example.com> [--concurrency 1-32] [--limit N]');
  process.exit(2);
}

const USER_AGENT = 'Gazette-Warm/1 (+npm run warm)';

async function get(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { headers: { 'user-agent': USER_AGENT }, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  return { status: res.status, body: await res.text() };
}

/** `<loc>` URLs of a sitemap, on the given origin (the site may name its public origin in them). */
function locations(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const url = new URL(m[1]!.trim().replace(/&amp;/g, '&'));
    return `${origin}${url.pathname}${url.search}`;
  });
}

const index = await get(`${origin}/sitemap.xml`);
if (index.status !== 200) {
  console.error(`${origin}/sitemap.xml answered ${index.status}: is this a Gazette site?`);
  process.exit(1);
}
// Article chunks are numbered from the oldest stories: newest first, readers' likeliest pages.
const chunks = locations(index.body).filter((url) => /\/articles-\d+\.xml$/.test(url)).reverse();
const started = Date.now();
const counts = { pages: 0, rendered: 0, stored: 0, failed: 0 };
let lastReport = started;

function report(final = false) {
  const seconds = (Date.now() - started) / 1000;
  const line = `${counts.pages} pages in ${seconds.toFixed(0)} s (${(counts.pages / Math.max(seconds, 0.001)).toFixed(1)}/s): ${counts.rendered} rendered, ${counts.stored} already kept, ${counts.failed} failed`;
  console.log(final ? `Done: ${line}.` : line);
}

for (const chunk of chunks) {
  const sitemap = await get(chunk);
  if (sitemap.status !== 200) {
    console.error(`${chunk} answered ${sitemap.status}; skipped`);
    continue;
  }
  const pages = locations(sitemap.body);
  let next = 0;
  const worker = async () => {
    while (next < pages.length && counts.pages < limit) {
      const url = pages[next++]!;
      counts.pages += 1;
      try {
        const res = await fetch(url, { headers: { 'user-agent': USER_AGENT }, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
        await res.arrayBuffer();
        if (res.status >= 400) counts.failed += 1;
        else if (res.headers.get('x-nextjs-cache') === 'HIT') counts.stored += 1;
        else counts.rendered += 1;
      } catch (error) {
        counts.failed += 1;
        console.error(`${url}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        report();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (counts.pages >= limit) break;
}
report(true);
process.exit(counts.failed > 0 ? 1 : 0);
