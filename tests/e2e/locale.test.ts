import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openConnection } from '@/db/client';
import { forgetStoredPages } from '@/db/queries/page-store';
import { siteSettings } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startServer, tempDataDir, type RunningServer } from '../helpers/server';
import path from 'node:path';

let server: RunningServer | undefined;
let database: TestDatabase | undefined;
const dataDir = tempDataDir('gazette-locale-');

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Changes the site locale in the database while no server holds it (PGlite allows one process), by
 * hand: so, as docs/configuration.md says, the pages kept in the database go too (PAGE_STORE).
 */
async function setSiteLocale(locale: 'zh-CN' | 'en') {
  const conn = database?.url ? await openConnection({ url: database.url }) : await openConnection({ dir: path.join(dataDir, 'pglite') });
  await conn.db.update(siteSettings).set({ locale, updatedAt: new Date() }).where(eq(siteSettings.id, 1));
  await forgetStoredPages(conn.db);
  await conn.close();
}

describe('site locale', () => {
  it('switching the site to en changes the chrome, dates and 404 page', async () => {
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase({ migrate: false });
      await database.close();
    }
    server = await startServer({ dataDir, databaseUrl: database?.url });
    const zhHome = await (await fetch(server.baseURL)).text();
    expect(zhHome).toContain('lang="zh-CN"');
    expect(zhHome).toContain('热门文章');
    await server.stop();

    await setSiteLocale('en');
    server = await startServer({ dataDir, databaseUrl: database?.url });
    const home = await (await fetch(server.baseURL)).text();
    expect(home).toContain('lang="en"');
    expect(home).toContain('Most read');
    expect(home).not.toContain('热门文章');

    const link = /href="(\/articles\/\d+-[a-z0-9-]+)"/.exec(home)![1]!;
    const article = await (await fetch(`${server.baseURL}${link}`)).text();
    expect(article).toContain('You are here');
    expect(article.replace(/<!-- -->/g, '')).toMatch(/Published: <time[^>]*>\d{1,2} [A-Z][a-z]{2} \d{4}/);
    expect(article).toContain('Views');

    const missing = await fetch(`${server.baseURL}/no-such-page`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  }, 240_000); // two cold starts of the embedded database
});

describe('start-up configuration', () => {
  it('refuses to start in production on PostgreSQL without AUTH_SECRET, with a clear message', async () => {
    await expect(
      startServer({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', env: { AUTH_SECRET: '' } }),
    ).rejects.toThrow(/AUTH_SECRET: is required in production with DATABASE_URL/);
  });
});
