import { describe, expect, it } from 'vitest';
import { readTextUpTo } from '@/domain/request-body';

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://gazette.test/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('reading a small request body', () => {
  it('returns the text of a body within the cap, and nothing for no body', async () => {
    expect(await readTextUpTo(post('email=a%40b.test'), 64)).toBe('email=a%40b.test');
    expect(await readTextUpTo(post(null), 64)).toBe('');
  });

  it('refuses a declared length over the cap without reading', async () => {
    expect(await readTextUpTo(post('x'.repeat(10), { 'content-length': '1000000' }), 64)).toBeNull();
  });

  it('stops a streamed body as soon as it passes the cap', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) return controller.close();
        controller.enqueue(new Uint8Array(32).fill(120));
      },
    });
    expect(await readTextUpTo(post(stream), 64)).toBeNull();
    expect(pulled).toBeLessThan(10);
  });
});
