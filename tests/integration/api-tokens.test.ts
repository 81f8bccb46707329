import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The real session module loads next-auth, which needs Next's runtime; a bearer token never uses
// it, and a request without one must not reach it either (so these throw).
vi.mock('@/services/auth/session', async () => {
  const { can } = await import('@/domain/permissions');
  class AuthError extends Error {
    constructor(
      readonly status: 401 | 403,
      message: string,
    ) {
      super(message);
    }
  }
  const noSession = async () => {
    throw new AuthError(401, 'no session in these tests');
  };
  return {
    AuthError,
    requireUser: noSession,
    requirePermission: noSession,
    getCurrentUser: async () => null,
    authorize: (user: { role: Parameters<typeof can>[0] }, permission: Parameters<typeof can>[1] | null) => {
      if (permission && !can(user.role, permission)) throw new AuthError(403, 'You do not have permission to do this.');
      return user;
    },
  };
});

const { GET: listRoute, POST: createRoute } = await import('@/app/api/v1/admin/articles/route');
const { GET: getRoute, PATCH: patchRoute, DELETE: deleteRoute } = await import('@/app/api/v1/admin/articles/[id]/route');
const { POST: transitionRoute } = await import('@/app/api/v1/admin/articles/[id]/[transition]/route');
const { createApiToken, listApiTokens, resolveApiToken, revokeApiToken } = await import('@/db/queries/admin/api-tokens');
const { apiTokens, articles, auditLog, sections, users } = await import('@/db/schema');
const { hashApiToken } = await import('@/domain/auth/api-token');
const { resetConfig } = await import('@/domain/config.mjs');
const { resetRateLimits } = await import('@/services/rate-limit');
const { testFileDatabase, databaseState, rows } = await import('../fixtures/database');
const { doc, articleState, makeArticle } = await import('./admin-helpers');

const { installTestDatabase } = await import('../helpers/db');

const { tdb, db, staff } = await testFileDatabase({ staffPrefix: 'tok' });
// The routes and actions use the process's database.
installTestDatabase(tdb);
const [section] = await db.insert(sections).values({ slug: 'company', title: '公司新闻' }).returning({ id: sections.id });
const sectionId = section!.id;

const BASE = 'http://localhost/api/v1/admin';
type Json = { data?: Record<string, unknown> & { items?: { id: number }[] }; error?: { code: string; message: string; fields?: Record<string, string[]> } };

function call(method: string, path: string, secret: string | null, body?: unknown): Request {
  const headers: Record<string, string> = {};
  if (secret) headers.authorization = `Bearer ${secret}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const create = (secret: string | null, body: unknown) => createRoute(call('POST', '/articles', secret, body));
const patch = (secret: string, id: number, body: unknown) => patchRoute(call('PATCH', `/articles/${id}`, secret, body), params({ id: String(id) }));
const transition = (secret: string, id: number, name: string, body?: unknown) => transitionRoute(call('POST', `/articles/${id}/${name}`, secret, body), params({ id: String(id), transition: name }));
async function answer(res: Response): Promise<{ status: number; body: Json }> {
  return { status: res.status, body: (await res.json()) as Json };
}

const tokens: Record<string, string> = {};
for (const key of ['contributor', 'author', 'author2', 'editor', 'admin'] as const) {
  tokens[key] = (await createApiToken(db, staff[key], { name: `${key} bot`, expiresInDays: null })).secret;
}

afterAll(async () => {
  await resetRateLimits();
});

describe('personal API tokens: storage and resolution', () => {
  it('keeps only the SHA-256 of the secret, shows a prefix, and resolves the secret to its user', async () => {
    const { token, secret } = await createApiToken(db, staff.author, { name: 'CI bot', expiresInDays: 30 });
    expect(secret).toMatch(/^gz_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.tokenHash).toBe(hashApiToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(3));
    expect(token.prefix).toBe(secret.slice(0, 7));
    expect(new Date(token.expiresAt!).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const resolved = await resolveApiToken(db, secret);
    expect(resolved).toMatchObject({ tokenId: token.id, name: 'CI bot', user: { id: staff.author.id, role: 'author' } });
    expect((await listApiTokens(db, { userId: staff.author.id })).map((t) => t.name)).toContain('CI bot');
    expect(await resolveApiToken(db, secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(await resolveApiToken(db, 'not a token')).toBeNull();
  });

  it('notes the last use at most once a minute', async () => {
    const { token, secret } = await createApiToken(db, staff.author, { name: 'quiet', expiresInDays: null });
    expect(token.lastUsedAt).toBeNull();
    await resolveApiToken(db, secret);
    const [first] = await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(first!.at).not.toBeNull();
    await resolveApiToken(db, secret);
    const [second] = await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(second!.at!.getTime()).toBe(first!.at!.getTime());
  });

  it('refuses expired and revoked tokens and those of a disabled account, with 401 and WWW-Authenticate', async () => {
    const expired = await createApiToken(db, staff.editor, { name: 'old', expiresInDays: 1 });
    await db.update(apiTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiTokens.id, expired.token.id));
    const revoked = await createApiToken(db, staff.editor, { name: 'gone', expiresInDays: null });
    await revokeApiToken(db, staff.editor, revoked.token.id);
    const [temp] = await db.insert(users).values({ email: 'tok-temp@example.test', name: 'Temp', slug: 'tok-temp', role: 'editor', passwordHash: 'x' }).returning({ id: users.id });
    const disabled = await createApiToken(db, { id: temp!.id, role: 'editor' }, { name: 'leaver', expiresInDays: null });
    expect(await resolveApiToken(db, disabled.secret)).not.toBeNull();
    await db.update(users).set({ disabledAt: sql`now()` }).where(eq(users.id, temp!.id));
    for (const secret of [expired.secret, revoked.secret, disabled.secret, null, 'gz_short']) {
      const res = await listRoute(call('GET', '/articles', secret));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(((await res.json()) as Json).error!.code).toBe('unauthorized');
    }
  });

  it('lets an owner revoke their own token, an admin anyone\'s, and nobody else\'s (404)', async () => {
    const { token, secret } = await createApiToken(db, staff.contributor, { name: 'mine', expiresInDays: null });
    await expect(revokeApiToken(db, staff.author, token.id)).rejects.toMatchObject({ status: 404 });
    await expect(revokeApiToken(db, staff.editor, token.id)).rejects.toMatchObject({ status: 404 });
    expect(await resolveApiToken(db, secret)).not.toBeNull();
    const revoked = await revokeApiToken(db, staff.admin, token.id);
    expect(revoked.revokedAt).not.toBeNull();
    expect(await resolveApiToken(db, secret)).toBeNull();
    const audit = await rows<{ action: string; actor_id: number; summary: string }>(db, sql`select action, actor_id, summary from audit_log where action like 'api-token.%' and summary = 'mine' order by id`);
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['api-token.create', staff.contributor.id],
      ['api-token.revoke', staff.admin.id],
    ]);
  });
});

describe('the admin API acts as the token\'s user, through the same actions', () => {
  it('creates, updates with the version, and publishes; every audit row names the token', async () => {
    const created = await answer(await create(tokens.author!, { title: 'Via the API', sectionId, body: doc('Hello from CI') }));
    expect(created.status).toBe(201);
    const id = Number(created.body.data!.id);
    expect(created.body.data).toMatchObject({ status: 'draft', version: 1 });
    const updated = await answer(await patch(tokens.author!, id, { version: 1, subtitle: 'Now with a subtitle' }));
    expect(updated.status).toBe(200);
    const [row] = await db.select({ title: articles.title, subtitle: articles.subtitle, version: articles.version }).from(articles).where(eq(articles.id, id));
    expect(row).toEqual({ title: 'Via the API', subtitle: 'Now with a subtitle', version: updated.body.data!.version });
    const published = await answer(await transition(tokens.author!, id, 'publish'));
    expect(published.status).toBe(200);
    expect(published.body.data!.status).toBe('published');
    const audit = await rows<{ action: string; via_token: string | null; actor_id: number }>(db, sql`select action, via_token, actor_id from audit_log where entity_type = 'article' and entity_id = ${String(id)} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['article.create', 'article.update', 'article.publish']);
    expect(audit.every((a) => a.via_token === 'author bot' && a.actor_id === staff.author.id)).toBe(true);
  });

  it('answers 409 to a stale version and writes nothing', async () => {
    const id = await makeArticle(db, staff.author, staff.editor, 'draft', { sectionId });
    const first = await answer(await patch(tokens.author!, id, { version: 1, title: 'First change' }));
    expect(first.status).toBe(200);
    const before = await articleState(db, id);
    const stale = await answer(await patch(tokens.author!, id, { version: 1, title: 'Lost update' }));
    expect(stale.status).toBe(409);
    expect(stale.body.error!.code).toBe('conflict');
    expect(await articleState(db, id)).toEqual(before);
  });

  it('a contributor\'s token cannot publish (403), nor edit its story once submitted (403); nothing changes', async () => {
    const draft = await makeArticle(db, staff.contributor, staff.editor, 'draft', { sectionId });
    const submitted = await makeArticle(db, staff.contributor, staff.editor, 'in_review', { sectionId });
    const before = { draft: await articleState(db, draft), submitted: await articleState(db, submitted), db: await databaseState(db, 'audit', 'tags', 'users') };
    const publish = await answer(await transition(tokens.contributor!, draft, 'publish'));
    expect(publish.status).toBe(403);
    expect(publish.body.error!.code).toBe('forbidden');
    const edit = await answer(await patch(tokens.contributor!, submitted, { version: 1, title: 'Sneaky' }));
    expect(edit.status).toBe(403);
    expect({ draft: await articleState(db, draft), submitted: await articleState(db, submitted), db: await databaseState(db, 'audit', 'tags', 'users') }).toEqual(before);
  });

  it('an author\'s token cannot touch another author\'s story: 404, as in the newsroom (its existence is not told); nothing changes', async () => {
    const theirs = await makeArticle(db, staff.author2, staff.editor, 'published', { sectionId });
    const before = { article: await articleState(db, theirs), db: await databaseState(db, 'audit') };
    const answers = [
      await patch(tokens.author!, theirs, { version: 2, title: 'Hijacked' }),
      await transition(tokens.author!, theirs, 'unpublish'),
      await deleteRoute(call('DELETE', `/articles/${theirs}`, tokens.author!), params({ id: String(theirs) })),
      await getRoute(call('GET', `/articles/${theirs}`, tokens.author!), params({ id: String(theirs) })),
    ];
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect({ article: await articleState(db, theirs), db: await databaseState(db, 'audit') }).toEqual(before);
    // The editor's token may.
    const unpublished = await answer(await transition(tokens.editor!, theirs, 'unpublish'));
    expect(unpublished.status).toBe(200);
  });

  it('takes the role as it is now: a demoted user\'s token loses what the role gave', async () => {
    const [temp] = await db.insert(users).values({ email: 'tok-demoted@example.test', name: 'Demoted', slug: 'tok-demoted', role: 'editor', passwordHash: 'x' }).returning({ id: users.id });
    const { secret } = await createApiToken(db, { id: temp!.id, role: 'editor' }, { name: 'demoted bot', expiresInDays: null });
    const theirs = await makeArticle(db, staff.author2, staff.editor, 'draft', { sectionId });
    await db.update(users).set({ role: 'contributor' }).where(eq(users.id, temp!.id));
    expect((await transition(secret, theirs, 'publish')).status).toBe(404);
    const [row] = await db.select({ status: articles.status }).from(articles).where(eq(articles.id, theirs));
    expect(row!.status).toBe('draft');
  });

  it('lists only what the user may see, and schedules, submits and deletes (to the trash)', async () => {
    const mine = await makeArticle(db, staff.contributor, staff.editor, 'draft', { sectionId });
    const list = await answer(await listRoute(call('GET', '/articles?status=draft', tokens.contributor!)));
    expect(list.status).toBe(200);
    const ids = list.body.data!.items!.map((i) => i.id);
    expect(ids).toContain(mine);
    const all = await rows<{ id: number }>(db, sql`select id from articles where created_by_id <> ${staff.contributor.id}`);
    expect(ids.some((i) => all.some((a) => a.id === i))).toBe(false);
    expect((await answer(await transition(tokens.contributor!, mine, 'submit', { note: 'Please look' }))).body.data!.status).toBe('in_review');
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await answer(await transition(tokens.editor!, mine, 'schedule', { publish_at: future }))).body.data!.status).toBe('scheduled');
    const other = await makeArticle(db, staff.contributor, staff.editor, 'draft', { sectionId });
    expect((await deleteRoute(call('DELETE', `/articles/${other}`, tokens.contributor!), params({ id: String(other) }))).status).toBe(200);
    const [row] = await db.select({ deletedAt: articles.deletedAt }).from(articles).where(eq(articles.id, other));
    expect(row!.deletedAt).not.toBeNull();
  });

  it('uploads an image through the same checked pipeline as the screens, audited with the token; anything else is refused', async () => {
    const { POST: mediaRoute } = await import('@/app/api/v1/admin/media/route');
    const { resetMediaStorage } = await import('@/services/media/storage');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-api-media-'));
    process.env.DATA_DIR = dir;
    resetMediaStorage();
    try {
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a6' } }).png().toBuffer();
      const upload = (secret: string | null, body: Buffer, name: string) =>
        mediaRoute(new Request(`${BASE}/media`, { method: 'POST', headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), 'x-file-name': encodeURIComponent(name), 'content-length': String(body.length) }, body, duplex: 'half' } as RequestInit));
      const ok = await answer(await upload(tokens.contributor!, png, '配图.png'));
      expect(ok.status).toBe(201);
      expect(ok.body.data).toMatchObject({ originalName: '配图.png', width: 40, height: 30 });
      const [audit] = await db.select({ viaToken: auditLog.viaToken }).from(auditLog).where(sql`${auditLog.action} = 'media.upload' and ${auditLog.entityId} = ${String(ok.body.data!.id)}`);
      expect(audit?.viaToken).toBe('contributor bot');
      expect((await upload(tokens.contributor!, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.png')).status).toBe(415);
      expect((await upload(null, png, 'x.png')).status).toBe(401);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers bad input with 4xx in the one error shape, never 500', async () => {
    const badJson = await createRoute(new Request(`${BASE}/articles`, { method: 'POST', headers: { authorization: `Bearer ${tokens.author}`, 'content-type': 'application/json' }, body: '{' }));
    expect(badJson.status).toBe(400);
    const notJson = await createRoute(new Request(`${BASE}/articles`, { method: 'POST', headers: { authorization: `Bearer ${tokens.author}`, 'content-type': 'text/plain' }, body: 'x' }));
    expect(notJson.status).toBe(415);
    const invalid = await answer(await create(tokens.author!, { title: '', sectionId }));
    expect(invalid.status).toBe(422);
    expect(invalid.body.error!.code).toBe('invalid_input');
    expect(Object.keys(invalid.body.error!.fields!)).toContain('title');
    expect((await patch(tokens.author!, 1, { title: 'no version' })).status).toBe(422);
    expect((await transitionRoute(call('POST', '/articles/1/frobnicate', tokens.author!), params({ id: '1', transition: 'frobnicate' }))).status).toBe(404);
    expect((await getRoute(call('GET', '/articles/abc', tokens.author!), params({ id: 'abc' }))).status).toBe(404);
    expect((await listRoute(call('GET', '/articles?status=nope', tokens.author!))).status).toBe(400);
  });

  it('limits each token to API_TOKEN_RATE_LIMIT requests a minute (429 with Retry-After), tokens apart', async () => {
    process.env.API_TOKEN_RATE_LIMIT = '2';
    resetConfig();
    try {
      const { secret } = await createApiToken(db, staff.author, { name: 'busy', expiresInDays: null });
      const { secret: other } = await createApiToken(db, staff.author, { name: 'calm', expiresInDays: null });
      for (let i = 0; i < 2; i++) expect((await listRoute(call('GET', '/articles', secret))).status).toBe(200);
      const refused = await listRoute(call('GET', '/articles', secret));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await listRoute(call('GET', '/articles', other))).status).toBe(200);
    } finally {
      delete process.env.API_TOKEN_RATE_LIMIT;
      resetConfig();
      await resetRateLimits();
    }
  });

  it('keeps audit rows of the screens free of a token name', async () => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.viaToken} is null and ${auditLog.action} = 'api-token.create'`);
    expect(Number(row!.n)).toBeGreaterThan(0);
  });
});
