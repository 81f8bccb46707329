import net from 'node:net';

/** The Redis the tests may use (local hosts only); tests that need it skip when none answers. */
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(redisUrl);
  if (!['127.0.0.1', 'localhost', '::1'].includes(hostname)) return false;
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname);
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** Deletes every key under a test's own prefix (a `{hash tag}:`). */
export async function cleanRedisPrefix(prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix.replace(/[{}]/g, '\\$&')}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}
