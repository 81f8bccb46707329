// `npm run bench:import -- [items]`: memory and time of a WordPress import through the database.
// Generates an export of N posts (default 2,000, each ~4 KB of body, with categories, tags and
// redirects) on the fly, imports it into a fresh in-memory PGlite (or BENCH_DATABASE_URL's
// database) without fetching media, and prints the heap and RSS it reached: they must not grow
// with the number of items, since the file is streamed and each item written on its own.
import { openConnection } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { importWordPress } from '../../services/import/wordpress';

const count = Number(process.argv[2] ?? 2000);
const body = '<p>第一段：城市新闻的正文，包含足够的文字来模拟真实的报道。The quick brown fox jumps over the lazy dog.</p>\n'.repeat(30);

async function* generate(): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title><link>https://bench.example.test</link><language>zh-CN</language><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example.test</wp:base_site_url><wp:base_blog_url>https://bench.example.test</wp:base_blog_url>`;
  yield '<wp:author><wp:author_login>bench</wp:author_login><wp:author_display_name>Bench</wp:author_display_name></wp:author>';
  for (let c = 0; c < 20; c++) yield `<wp:category><wp:term_id>${c}</wp:term_id><wp:category_nicename>cat-${c}</wp:category_nicename><wp:category_parent>${c ? 'cat-0' : ''}</wp:category_parent><wp:cat_name>Category ${c}</wp:cat_name></wp:category>`;
  for (let i = 1; i <= count; i++) {
    yield `<item><title>Story ${i} 新闻</title><link>https://bench.example.test/2024/01/story-${i}/</link><dc:creator>bench</dc:creator><content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded></excerpt:encoded><wp:post_id>${i}</wp:post_id><wp:post_date>2024-01-01 08:00:00</wp:post_date><wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt><wp:post_name>story-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="cat-${i % 20}">Category</category><category domain="post_tag" nicename="tag-${i % 50}">Tag ${i % 50}</category><wp:postmeta><wp:meta_key>views</wp:meta_key><wp:meta_value>${i}</wp:meta_value></wp:postmeta></item>`;
  }
  yield '</channel></rss>';
}

const conn = await openConnection(process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL } : { dir: 'memory://' });
await runMigrations(conn.db, conn.kind);
global.gc?.();
const before = process.memoryUsage();
let peakHeap = before.heapUsed;
let peakRss = before.rss;
// With --expose-gc, what stays after a collection every 500 items (what the import holds on to).
const retained: number[] = [];
const started = Date.now();
const report = await importWordPress(conn.db, generate, {
  fetchMedia: false,
  onProgress: ({ done }) => {
    if (done % 100 !== 0) return;
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
    if (global.gc && done % 500 === 0) {
      global.gc();
      retained.push(process.memoryUsage().heapUsed);
    }
  },
});
const seconds = (Date.now() - started) / 1000;
const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
console.log(`${conn.kind}: ${report.kinds.post.imported} posts imported in ${seconds.toFixed(1)} s (${Math.round(report.kinds.post.imported / seconds)}/s), ${report.redirects} redirects`);
console.log(`heap ${mb(before.heapUsed)} before, ${mb(peakHeap)} at most; RSS ${mb(before.rss)} before, ${mb(peakRss)} at most ${conn.kind === 'pglite' ? " (PGlite's database is in this process's memory)" : ''}`);
if (retained.length) console.log(`heap after a collection every 500 items: ${retained.map(mb).join(', ')}`);
await conn.close();
