import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWxr } from '@/domain/import/wordpress/wxr-reader';
import { WxrError, type WxrEvent, type WxrItem } from '@/domain/import/wordpress/wxr-types';

const fixture = fs.readFileSync(path.join(__dirname, '../fixtures/wordpress/site.xml'), 'utf8').replaceAll('__ORIGIN__', 'https://old.example.test');

async function* chunks(text: string, size = 997): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(text: string, size?: number): Promise<WxrEvent[]> {
  const events: WxrEvent[] = [];
  for await (const event of readWxr(chunks(text, size))) events.push(event);
  return events;
}

const items = (events: WxrEvent[]) => events.flatMap((e) => (e.kind === 'item' ? [e.item] : []));

const wxr = (body: string, head = '') => `<?xml version="1.0"?>${head}<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="c"><channel><wp:wxr_version>1.2</wp:wxr_version>${body}</channel></rss>`;

describe('reading a WordPress export', () => {
  it('hands out the channel, authors, categories, tags and items in file order, whatever the chunking', async () => {
    for (const size of [7, 997, 1 << 20]) {
      const events = await readAll(fixture, size);
      expect(events[0]).toMatchObject({ kind: 'channel', channel: { wxrVersion: '1.2', language: 'zh-CN', baseBlogUrl: 'https://old.example.test' } });
      expect(events.filter((e) => e.kind === 'author').map((e) => e.kind === 'author' && e.author.displayName)).toEqual(['王编辑', 'John Smith']);
      expect(events.filter((e) => e.kind === 'category')).toHaveLength(5);
      expect(events.filter((e) => e.kind === 'tag')).toHaveLength(2);
      expect(items(events).map((i) => i.postId)).toEqual(['101', '102', '103', '104', '105', '106', '107', '108', '109', '201', '202', '110', '111']);
    }
  });

  it('reads an item’s fields, terms, custom fields and approved comments (not spam, not the other kinds)', async () => {
    const [first] = items(await readAll(fixture)) as [WxrItem];
    expect(first).toMatchObject({ title: '城市地铁新线开通', postDateGmt: '2024-03-15 02:30:00', status: 'publish', postType: 'post', isSticky: true, creator: 'admin', approvedComments: 2, problems: [] });
    expect(first.terms).toEqual([
      { domain: 'category', slug: 'china-news', name: '国内' },
      { domain: 'post_tag', slug: 'tech', name: 'Tech' },
    ]);
    expect(first.meta.map((m) => m.key)).toEqual(['views', '_thumbnail_id', '_wp_old_slug']);
    expect(first.content).toContain('[caption id="attachment_201"');
  });

  it('decodes the five XML entities and numeric references only', async () => {
    const [item] = items(await readAll(wxr('<item><title>A &amp; B &lt;i&gt; &#20013;&#x6587;</title><wp:post_id>1</wp:post_id></item>')));
    expect(item!.title).toBe('A & B <i> 中文');
    await expect(readAll(wxr('<item><title>&nbsp;</title></item>'))).rejects.toThrow(/not well-formed XML.*undefined entity/);
  });

  it('refuses a DOCTYPE that declares entities (billion laughs) before expanding anything', async () => {
    const lol = '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    await expect(readAll(wxr('<item><title>&lol2;</title></item>', lol))).rejects.toThrow(WxrError);
    await expect(readAll(wxr('<item><title>&lol2;</title></item>', lol))).rejects.toThrow(/declares entities/);
  });

  it('refuses an external entity (a file or URL the parser would read)', async () => {
    const xxe = '<!DOCTYPE rss SYSTEM "file:///etc/passwd">';
    await expect(readAll(wxr('<item><title>x</title></item>', xxe))).rejects.toThrow(/declares entities/);
    const xxe2 = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    await expect(readAll(wxr('<item><title>&xxe;</title></item>', xxe2))).rejects.toThrow(/declares entities/);
  });

  it('refuses broken XML with the line it broke on', async () => {
    await expect(readAll(wxr('<item><title>x</titel></item>'))).rejects.toThrow(/not well-formed XML \(line 1/);
    await expect(readAll(fixture.slice(0, fixture.length - 40))).rejects.toThrow(/not well-formed XML/);
  });

  it('refuses XML that is not a WordPress export, and an RSS feed that is not WXR', async () => {
    await expect(readAll('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>')).rejects.toThrow(/not a WordPress export: the document is <svg>/);
    await expect(readAll('<rss version="2.0"><channel><title>Blog</title><item><title>Post</title></item></channel></rss>')).rejects.toThrow(/no wp:wxr_version/);
    await expect(readAll('')).rejects.toThrow(/empty or not XML/);
  });

  it('skips an item whose title is 10 MB (with a reason) and reads the items after it', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const events = await readAll(wxr(`<item><title>${huge}</title><wp:post_id>1</wp:post_id></item><item><title>ok</title><wp:post_id>2</wp:post_id></item>`), 64 * 1024);
    const [big, ok] = items(events);
    expect(big!.title).toBe('');
    expect(big!.problems).toEqual(['title longer than 1,000 characters']);
    expect(ok).toMatchObject({ title: 'ok', problems: [] });
  });

  it('refuses the file when one run of text would pass 16 million characters (memory stays bounded)', async () => {
    const body = 'y'.repeat(17_000_000);
    await expect(readAll(wxr(`<item><content:encoded>${body}</content:encoded></item>`), 1 << 20)).rejects.toThrow(/longer than 16 million characters/);
  });

  it('keeps the parser’s heap bounded over 150,000 items streamed in: far less memory than the file’s size', async () => {
    const body = '<p>Paragraph of a story, long enough to matter.</p>'.repeat(20);
    async function* many(): AsyncGenerator<string> {
      yield '<?xml version="1.0"?><rss xmlns:wp="w" xmlns:content="c"><channel><wp:wxr_version>1.2</wp:wxr_version>';
      for (let i = 1; i <= 150_000; i++) yield `<item><title>Story ${i}</title><wp:post_id>${i}</wp:post_id><content:encoded><![CDATA[${body}]]></content:encoded></item>`;
      yield '</channel></rss>';
    }
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let count = 0;
    let peak = before;
    for await (const event of readWxr(many())) {
      if (event.kind === 'item') count++;
      if (count % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(count).toBe(150_000);
    // About 155 MB of XML went through; what stays is the current item and the parser's buffers.
    console.info(`WXR reader: 150,000 items (~${Math.round((body.length * 150_000) / 1e6)} MB), heap ${Math.round(before / 1e6)} MB before, ${Math.round(peak / 1e6)} MB at most`);
    // The heap grows by less than a fifth of what was read: the file is never held.
    expect(body.length * 150_000).toBeGreaterThan(140e6);
    expect(peak - before).toBeLessThan(28e6);
  }, 180_000);
});
