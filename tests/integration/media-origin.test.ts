import { beforeEach, describe, expect, it, vi } from 'vitest';

// The route is called as a function; the session is faked so the Origin check is what is tested.
const session = vi.hoisted(() => ({ user: { id: 1, role: 'admin' } as unknown, calls: 0 }));
vi.mock('@/services/auth/session', async () => {
  const { ActionError } = await import('@/domain/errors');
  // The real module loads next-auth, which needs Next's runtime.
  class AuthError extends Error {
    constructor(
      readonly status: 401 | 403,
      message: string,
    ) {
      super(message);
    }
  }
  return {
    AuthError,
    requireUser: async () => session.user,
    requirePermission: async () => {
      session.calls += 1;
      if (!session.user) throw new ActionError(401, 'Sign in first.');
      return session.user;
    },
  };
});
const ingest = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@/services/media/ingest', () => ({
  ingestImage: async () => {
    ingest.calls += 1;
    throw new Error('must not be reached');
  },
}));

const { POST } = await import('@/app/api/media/route');

function upload(headers: Record<string, string>) {
  return new Request('http://localhost:3000/api/media', {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-file-name': 'a.png', ...headers },
    body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  });
}
type Handler = (request: Request) => Promise<Response>;
const post = POST as unknown as Handler;

beforeEach(() => {
  session.calls = 0;
  ingest.calls = 0;
});

describe('POST /api/media checks the Origin (issue 10, item 17)', () => {
  it.each([
    ['without Origin', { host: 'localhost:3000' }],
    ['from another site', { host: 'localhost:3000', origin: 'https://evil.example' }],
    ['from another port', { host: 'localhost:3000', origin: 'http://localhost:3001' }],
    ['with an opaque Origin', { host: 'localhost:3000', origin: 'null' }],
  ])('refuses a signed-in upload %s with 403 and a JSON error, reading nothing', async (_label, headers: Record<string, string>) => {
    const request = upload(headers);
    const res = await post(request);
    expect(res.status).toBe(403);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { error?: unknown };
    expect(typeof body.error).toBe('string');
    expect(request.bodyUsed).toBe(false);
    expect(ingest.calls).toBe(0);
  });

  it('lets a same-origin upload through to the next checks', async () => {
    // A declared size over the limit answers 413 before the body is read: the Origin check passed.
    const res = await post(upload({ host: 'localhost:3000', origin: 'http://localhost:3000', 'content-length': String(1024 ** 3) }));
    expect(res.status).toBe(413);
    expect(session.calls).toBe(1);
  });

  it('answers an anonymous request 401 first, as before (no Origin needed to learn that)', async () => {
    session.user = null;
    try {
      const res = await post(upload({ host: 'localhost:3000' }));
      expect(res.status).toBe(401);
    } finally {
      session.user = { id: 1, role: 'admin' };
    }
  });
});
