import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTopic } from '@/services/seed/demo-content';
import { actionsAs, closeAdmin, readerGet, staffCookie, startAdmin, type AdminServer } from '../helpers/admin';

/**
 * Issue 13's topics (专题) against the production build: the demo topic's page lists its stories in
 * the editors' order with its feeds, each story names its topic, /topics lists it, and an editor's
 * change (a new order, then unpublishing) reaches readers at once.
 */

let nr: AdminServer;
const titlesIn = (html: string) => demoTopic.stories.map((title) => ({ title, at: html.indexOf(title.replace(/&/g, '&amp;')) }));

beforeAll(async () => {
  nr = await startAdmin({ prefix: 'gazette-topics-', staff: [{ key: 'editor', role: 'editor' }] });
}, 240_000);

afterAll(() => closeAdmin(nr));

describe('a topic', () => {
  it('lists its stories in order with its feeds; its stories and /topics link to it; the feed carries them', async () => {
    const page = await readerGet(nr.baseURL, `/topics/${demoTopic.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`专题：${demoTopic.title}`);
    expect(page.text).toContain(demoTopic.intro);
    const positions = titlesIn(page.text).map((s) => s.at);
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page.text).toContain(`href="/feeds/topics/${demoTopic.slug}.xml"`);

    const story = /href="(\/articles\/\d+-[^"]+)"/.exec(page.text.slice(positions[0]! - 400, positions[0]! + 200))?.[1];
    const storyPage = await readerGet(nr.baseURL, story!);
    expect(storyPage.text).toContain('所属专题：');
    expect(storyPage.text).toContain(`href="/topics/${demoTopic.slug}"`);
    expect((await readerGet(nr.baseURL, '/topics')).text).toContain(`href="/topics/${demoTopic.slug}"`);

    const feed = await readerGet(nr.baseURL, `/feeds/topics/${demoTopic.slug}.json`);
    expect(feed.status).toBe(200);
    const items = (JSON.parse(feed.text) as { title: string; items: { title: string }[] }).items.map((i) => i.title).sort();
    expect(items).toEqual([...demoTopic.stories].sort());
    expect((await readerGet(nr.baseURL, '/feeds/topics/no-such-topic.xml')).status).toBe(404);
  });

  it('every other reader page carries its JSON-LD too, with the trail readers see', async () => {
    const ldOf = (html: string) => [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
    const cases: [string, string][] = [
      [`/topics/${demoTopic.slug}`, 'CollectionPage'],
      ['/topics', 'CollectionPage'],
      ['/about', 'WebPage'],
      ['/corrections', 'CollectionPage'],
      [`/search?q=${encodeURIComponent('网站')}`, 'SearchResultsPage'],
    ];
    for (const [path, type] of cases) {
      const page = await readerGet(nr.baseURL, path);
      expect(page.status, path).toBe(200);
      const blocks = ldOf(page.text);
      expect(blocks.map((b) => b['@type']), path).toEqual(expect.arrayContaining([type, 'BreadcrumbList']));
      const trail = blocks.find((b) => b['@type'] === 'BreadcrumbList') as { itemListElement: { position: number; name: string }[] };
      expect(trail.itemListElement[0], path).toMatchObject({ position: 1, name: '青禾网络' });
    }
  });

  it('an editor’s new order shows at once; unpublished, the page is gone (404) and its stories no longer name it', async () => {
    const cookie = await staffCookie(nr, 'editor');
    const act = actionsAs(nr.baseURL, cookie);
    const admin = async (path: string) => (await readerGet(nr.baseURL, path, { headers: { Cookie: cookie } })).text;
    const topicId = Number(/href="\/admin\/topics\/(\d+)"/.exec(await admin('/admin/topics'))?.[1]);
    // The form lists the story ids one per line, in order.
    const ids = /name="stories"[^>]*>([\d\s]+)<\/textarea>/.exec(await admin(`/admin/topics/${topicId}`))![1]!.trim().split(/\s+/).map(Number);
    expect(ids).toHaveLength(3);
    const save = (published: boolean) => act('saveTopicAction', [{ id: topicId, title: demoTopic.title, slug: demoTopic.slug, intro: demoTopic.intro, published, stories: [...ids].reverse().join('\n') }]);

    await save(true);
    const positions = titlesIn((await readerGet(nr.baseURL, `/topics/${demoTopic.slug}`)).text).map((s) => s.at);
    expect([...positions].sort((a, b) => b - a)).toEqual(positions);

    await save(false);
    expect((await readerGet(nr.baseURL, `/topics/${demoTopic.slug}`)).status).toBe(404);
    expect((await readerGet(nr.baseURL, `/articles/${ids[0]}`)).text).not.toContain('所属专题：');
  });
});
