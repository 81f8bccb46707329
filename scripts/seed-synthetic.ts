// `npm run seed:synthetic -- 100000`: adds N generated articles (for benchmarks), in batches.
// On the embedded database, stop the server first.
import { sql } from 'drizzle-orm';
import { openConnection } from '../db/client';
import { runMigrations } from '../db/migrate';
import { hasContent, seedDemo } from '../db/seed';
import { articles, sections } from '../db/schema';
import { assertEmbeddedDatabaseFree } from './lib/embedded-lock';

const count = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
  console.error('Usage: npm run seed:synthetic -- <count between 1 and 1000000>');
  process.exit(2);
}

assertEmbeddedDatabaseFree();
const conn = await openConnection();
await runMigrations(conn.db, conn.kind);
if (!(await hasContent(conn.db))) await seedDemo(conn.db);
const sectionIds = (await conn.db.select({ id: sections.id }).from(sections)).map((s) => s.id);
const [{ max } = { max: 0 }] = await conn.db.select({ max: sql<number>`coalesce(max(${articles.id}), 0)` }).from(articles);

const words = ['网站', '性能', '缓存', '发布', '编辑', '栏目', '搜索', '数据库', '无障碍', '安全', '云端', '开源', '移动端', '内容', '运营'];
const pick = (i: number, n: number) => words[(i * 7 + n * 13) % words.length];
const started = Date.now();
const BATCH = 1000;
for (let done = 0; done < count; done += BATCH) {
  const rows = Array.from({ length: Math.min(BATCH, count - done) }, (_, k) => {
    const n = Number(max) + done + k + 1;
    const title = `合成文章 ${n}：${pick(n, 1)}与${pick(n, 2)}的${pick(n, 3)}实践`;
    const text = `这是第 ${n} 篇用于压力测试的合成文章，讨论${pick(n, 4)}、${pick(n, 5)}和${pick(n, 6)}。`;
    return {
      slug: `synthetic-${n}`,
      title,
      excerpt: text,
      bodyJson: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      bodyHtml: `<p>${text}</p>`,
      bodyText: text,
      sectionId: sectionIds[n % sectionIds.length]!,
      status: 'published' as const,
      publishedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000),
      viewCount: (n * 37) % 5000,
    };
  });
  await conn.db.insert(articles).values(rows);
  process.stdout.write(`\r${Math.min(done + BATCH, count)} / ${count}`);
}
await conn.close();
console.log(`\nAdded ${count} synthetic articles in ${((Date.now() - started) / 1000).toFixed(1)} s (${conn.kind}).`);
