/**
 * Crawl simulation for the page cache (not a timed test): `npx tsx scripts/bench/cache-crawl.ts`.
 *
 * Drives the cache handlers directly, the way Next.js does (one handler per request; a page miss
 * reads the page's cached data, then stores the data and the rendered page): a crawler fetches
 * CRAWL distinct archive articles once each while readers keep reading the hot set (front page,
 * 5 sections, 30 of today's stories; 40/20/40 % of reader requests, stories by a Zipf law), with
 * READER_EVERY crawler requests between two reader requests. A publish expires `home` every
 * 10,000 crawler requests. Each policy runs in its own process (`--expose-gc`) and reports:
 *
 * - hit rate of reader requests for the hot pages while the crawl runs (after a warm-up);
 * - bytes the cache charged itself, and what the process really retained after a full GC.
 *
 * Policies: `lru` is Next.js's default handler (FileSystemCache over its in-memory LRU,
 * flushToDisk off, nothing on disk), `slru` is services/page-cache/handler.mjs. Both get CACHE_MB.
 * Pages are ~60 KB as the article page is: 24,000 characters of HTML with Chinese text (two
 * bytes each in V8) and 12 KB of RSC payload, plus two cached reads (article, related).
 *
 * Environment: CRAWL (100000), CACHE_MB (128), RATIOS (crawler requests per reader request,
 * "1,10,50"), POLICIES ("lru,slru").
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const MB = 1024 * 1024;
const crawlCount = Number(process.env.CRAWL ?? 100_000);
const cacheMb = Number(process.env.CACHE_MB ?? 128);

interface Result {
  policy: string;
  readerEvery: number;
  readerRequests: number;
  hitRate: number;
  byClass: Record<string, number>;
  charged: number;
  entries: number;
  retained: number;
  rss: number;
  seconds: number;
}

type Handler = {
  get(key: string, ctx: unknown): Promise<{ value: unknown } | null>;
  set(key: string, data: unknown, ctx: unknown): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
};

async function loadPolicy(policy: string, maxBytes: number): Promise<{ request: () => Handler; charged: () => { bytes: number; entries: number } }> {
  if (policy === 'slru') {
    process.env.CACHE_MEMORY_MB = String(maxBytes / MB);
    const mod = await import('../../services/page-cache/handler.mjs');
    const storage = mod.processStorage();
    return {
      request: () => new mod.default({}) as unknown as Handler,
      charged: () => ({ bytes: storage.lru.bytes, entries: storage.lru.size }),
    };
  }
  const { default: FileSystemCache } = (await import('next/dist/server/lib/incremental-cache/file-system-cache.js')) as unknown as {
    default: new (ctx: unknown) => Handler;
  };
  const { getMemoryCache } = (await import('next/dist/server/lib/incremental-cache/memory-cache.external.js')) as unknown as {
    getMemoryCache: (size: number) => { currentSize: number; size: number };
  };
  const missing = () => {
    throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  };
  // Nothing on disk: an empty .next/server, as with isrFlushToDisk false.
  const fs = { existsSync: () => false, readFileSync: missing, readFile: async () => missing(), stat: async () => missing() };
  const ctx = { fs, dev: false, flushToDisk: false, serverDistDir: '/nonexistent/.next/server', revalidatedTags: [], maxMemoryCacheSize: maxBytes, _requestHeaders: {} };
  return {
    request: () => new FileSystemCache(ctx),
    charged: () => {
      const memory = getMemoryCache(maxBytes);
      return { bytes: memory.currentSize, entries: memory.size };
    },
  };
}

// A page of the given id: unique, flat strings and buffers, as a render produces (the HTML is
// decoded from one scratch buffer, so that making it leaves no garbage behind to blur the figures).
const scratch = Buffer.alloc(24_000 * 2);
for (let i = 0; i < 24_000; i++) scratch.writeUInt16LE(i % 5 === 0 ? 0x4e00 + (i % 2000) : 0x61 + (i % 26), i * 2);
function html(id: number): string {
  for (let i = 0; i < 8; i++) scratch.writeUInt16LE(0x30 + ((id >> (i * 4)) & 15), i * 2);
  return scratch.toString('utf16le');
}
function page(id: number, tags: string[]) {
  const rscData = Buffer.alloc(12 * 1024, id & 255);
  return { kind: 'APP_PAGE', html: html(id), rscData, headers: { 'x-next-cache-tags': tags.join(',') }, postponed: undefined, status: 200, segmentData: undefined };
}
function read(id: number, bytes: number) {
  return { kind: 'FETCH', data: { headers: {}, body: JSON.stringify({ id, text: 'x'.repeat(bytes) }), url: '', status: 200 }, revalidate: 60 };
}
const pageKey = (path: string) => `/route-cache/APP_PAGE/${createHash('sha256').update(path.split('/')[1] ?? '').digest('hex')}/$${path}`;
const readKey = (name: string) => createHash('sha256').update(name).digest('hex');

async function simulate(policy: string, readerEvery: number): Promise<Result> {
  const gc = async () => {
    // Twice, with a turn of the event loop between: array buffers are freed after their wrappers.
    for (let i = 0; i < 2; i++) {
      (globalThis as { gc?: () => void }).gc?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await gc();
  const baseline = process.memoryUsage();
  const { request, charged } = await loadPolicy(policy, cacheMb * MB);
  const pageGet = { kind: 'APP_PAGE', isFallback: false };
  const pageSet = { cacheControl: { revalidate: false, expire: undefined }, isFallback: false };

  // One request for a page: the page, or on a miss its cached reads and then the page.
  async function visit(path: string, id: number, tags: string[], reads: { name: string; bytes: number; tags: string[] }[]): Promise<boolean> {
    const handler = request();
    const key = pageKey(path);
    if (await handler.get(key, pageGet)) return true;
    for (const r of [...reads, { name: 'settings', bytes: 500, tags: ['settings'] }, { name: 'sections', bytes: 2000, tags: ['sections'] }]) {
      const fetchCtx = { kind: 'FETCH', tags: r.tags, softTags: [], revalidate: 60 };
      if (!(await handler.get(readKey(r.name), fetchCtx))) await handler.set(readKey(r.name), read(id, r.bytes), { fetchCache: true, tags: r.tags });
    }
    await handler.set(key, page(id, [...tags, '_N_T_/layout']), pageSet);
    return false;
  }

  const stories = Array.from({ length: 30 }, (_, i) => 1_000_000 + i);
  const zipf = stories.map((_, i) => 1 / (i + 1));
  const zipfTotal = zipf.reduce((a, b) => a + b, 0);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  function readerVisit(): [string, Promise<boolean>] {
    const r = random();
    if (r < 0.4) return ['front', visit('/editions/front', 1, ['home'], [{ name: 'lead', bytes: 8000, tags: ['home'] }])];
    if (r < 0.6) {
      const s = Math.floor(random() * 5);
      return ['sections', visit(`/listing/section-${s}/1`, 10 + s, ['home', `section:${s}`], [{ name: `list-${s}`, bytes: 8000, tags: ['home', `section:${s}`] }])];
    }
    let pick = random() * zipfTotal;
    let i = 0;
    while (i < stories.length - 1 && (pick -= zipf[i]!) > 0) i++;
    const id = stories[i]!;
    return ['stories', visit(`/articles/${id}`, id, [`article:${id}`], [{ name: `article-${id}`, bytes: 6000, tags: [`article:${id}`] }])];
  }

  for (let i = 0; i < 500; i++) await readerVisit()[1];
  const start = Date.now();
  const hits: Record<string, [number, number]> = { front: [0, 0], sections: [0, 0], stories: [0, 0] };
  for (let i = 0; i < crawlCount; i++) {
    const id = i + 1;
    await visit(`/articles/${id}`, id, [`article:${id}`], [
      { name: `article-${id}`, bytes: 6000, tags: [`article:${id}`] },
      { name: `related-${id}`, bytes: 1500, tags: [`article:${id}`] },
    ]);
    if (i % readerEvery === 0) {
      const [kind, hit] = readerVisit();
      hits[kind]![1]++;
      if (await hit) hits[kind]![0]++;
    }
    if (i % 10_000 === 9_999) await request().revalidateTag(['home'], { expire: 0 });
  }
  const seconds = (Date.now() - start) / 1000;
  await gc();
  const after = process.memoryUsage();
  const totals = Object.values(hits).reduce((acc, [h, n]) => [acc[0] + h, acc[1] + n], [0, 0]);
  const { bytes, entries } = charged();
  return {
    policy,
    readerEvery,
    readerRequests: totals[1],
    hitRate: totals[0] / totals[1],
    byClass: Object.fromEntries(Object.entries(hits).map(([k, [h, n]]) => [k, h / Math.max(1, n)])),
    charged: bytes,
    entries,
    retained: after.heapUsed + after.external - (baseline.heapUsed + baseline.external),
    rss: after.rss,
    seconds,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const mb = (x: number) => `${(x / MB).toFixed(1)} MB`;

async function main() {
  const child = process.argv.indexOf('--run');
  if (child !== -1) {
    const [policy, every] = [process.argv[child + 1]!, Number(process.argv[child + 2])];
    process.stdout.write(JSON.stringify(await simulate(policy, every)));
    return;
  }
  const ratios = (process.env.RATIOS ?? '1,10,50').split(',').map(Number);
  const policies = (process.env.POLICIES ?? 'lru,slru').split(',');
  const results: Result[] = [];
  for (const every of ratios) {
    for (const policy of policies) {
      process.stderr.write(`[cache-crawl] ${policy}, one reader request per ${every} crawler requests, crawl ${crawlCount}…\n`);
      const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--run', policy, String(every)], {
        encoding: 'utf8',
        maxBuffer: 16 * MB,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (run.status !== 0) throw new Error(`${policy} run failed (${run.status})`);
      results.push(JSON.parse(run.stdout) as Result);
    }
  }
  console.log(`\nCrawl of ${crawlCount.toLocaleString('en')} archive articles, cache budget ${cacheMb} MB, pages ~60 KB\n`);
  console.log('| crawler : reader | policy | hot-set hit rate | front | sections | today\'s stories | charged | entries | retained after GC | RSS | time |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.readerEvery} : 1 | ${r.policy === 'lru' ? 'LRU (Next default)' : 'SLRU (page-cache)'} | ${pct(r.hitRate)} | ${pct(r.byClass.front!)} | ${pct(r.byClass.sections!)} | ${pct(r.byClass.stories!)} | ${mb(r.charged)} | ${r.entries} | ${mb(r.retained)} | ${mb(r.rss)} | ${r.seconds.toFixed(0)} s |`,
    );
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
