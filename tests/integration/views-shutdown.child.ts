/**
 * Child process of views-shutdown.test.ts: buffers BEACONS views through the route handler, says so,
 * and waits to be stopped. Like `next start`, a SIGTERM handler registered before ours calls
 * process.exit without waiting for us, here even sooner than Next.js does (on the next microtask,
 * before any database round trip could finish). NEXT_LIKE_HANDLER=0: our hook alone ends the process.
 */
if (process.env.NEXT_LIKE_HANDLER !== '0') {
  process.on('SIGTERM', () => void Promise.resolve().then(() => process.exit(143)));
}

const { startViewsAtBoot } = await import('../../services/views/start');
startViewsAtBoot();
const { getDb } = await import('../../db/client');
await getDb();
const { POST } = await import('../../app/api/views/route');

const count = Number(process.env.BEACONS ?? '100');
const articleId = Number(process.env.ARTICLE_ID);
const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
await Promise.all(
  Array.from({ length: count }, (_, i) =>
    POST(
      new Request('http://localhost/api/views', {
        method: 'POST',
        headers: { 'user-agent': ua, 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({ id: articleId }),
      }),
    ),
  ),
);
process.stdout.write(`buffered ${count}\n`);
setInterval(() => {}, 60_000);

export {};
