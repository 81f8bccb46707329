import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startServer, tempDataDir, type RunningServer } from '../helpers/server';

/**
 * Reader search limit through the real server (issue 10, item 10): SEARCH_RATE_LIMIT=3. The 4th
 * search in a minute from one address is a 429 page; the same query again (a result-cache hit)
 * counts; a forged X-Forwarded-For does not help. On PostgreSQL, two servers share one count.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const env = { SEARCH_RATE_LIMIT: '3' };
let database: TestDatabase | undefined;
let a: RunningServer;
let b: RunningServer | undefined;
const dirs = [tempDataDir('gazette-search-limit-a-'), tempDataDir('gazette-search-limit-b-')];

const search = (server: RunningServer, query: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseURL}/search?q=${encodeURIComponent(query)}`, { headers });

beforeAll(async () => {
  if (onPostgres) database = await createTestDatabase({ migrate: false });
  a = await startServer({ dataDir: dirs[0], databaseUrl: database?.url, env });
  if (onPostgres) b = await startServer({ dataDir: dirs[1], databaseUrl: database!.url, env });
}, 300_000);

afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await database?.drop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('reader search limit (SEARCH_RATE_LIMIT=3)', () => {
  it('three searches answer, the fourth (a cached query again) is a 429 page with Retry-After; other pages are not limited', async () => {
    const statuses = [];
    for (const query of ['Next.js', 'Next.js', '数据库']) statuses.push((await search(a, query, { 'x-forwarded-for': `203.0.113.${statuses.length}` })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await search(a, 'Next.js', { 'x-forwarded-for': '198.51.100.9' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.text()).toMatch(/您的搜索次数过多，请 \d+ 秒后再试。/);
    expect((await fetch(`${a.baseURL}/search`)).status).toBe(200); // no query: nothing to search, not counted
    expect((await fetch(`${a.baseURL}/`)).status).toBe(200);
  });

  it.skipIf(!onPostgres)('a second server sharing the database refuses the same address at once', async () => {
    expect((await search(b!, 'Next.js')).status).toBe(429);
  });
});
