import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { transitionArticle } from '@/db/queries/admin/article-workflow';
import { createArticle, saveArticle } from '@/db/queries/admin/article-write';
import { promoteDueScheduled } from '@/db/queries/admin/scheduled';
import { createWebhook, deleteWebhook, getWebhook, listDeliveries, resendDelivery, sendTestEvent, updateWebhook } from '@/db/queries/admin/webhooks';
import { claimDueDeliveries } from '@/db/queries/webhooks/outbox';
import { articles, webhookDeliveries } from '@/db/schema';
import { webhookInput } from '@/domain/validation/webhook';
import type { WebhookEvent, WebhookPayload } from '@/domain/webhooks/events';
import { RETRY_DELAYS_MS } from '@/domain/webhooks/schedule';
import { verifyWebhook } from '@/domain/webhooks/signature';
import { OutboundRefused, safeFetch } from '@/services/outbound/safe-fetch';
import { sendDueWebhooks } from '@/services/webhooks/sender';
import { auditActions, rows, sectionIdBySlug, testFileDatabase } from '../fixtures/database';
import { expectActionError } from '../fixtures/action-errors';
import { input } from './admin-helpers';

/**
 * Issue 12, webhooks: deliveries are outbox rows written with the change, sent signed by any number
 * of senders (each once), retried on a schedule, and never sent to this server's own network unless
 * a host is allowed by name. The receivers are real HTTP servers on 127.0.0.1.
 */

const { db, staff } = await testFileDatabase({ staffPrefix: 'hooks', demo: true });
const sectionId = await sectionIdBySlug(db, 'company');
const ALLOW = { allowHosts: ['127.0.0.1'] };

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 answering with `answer` (a status and text, or a redirect). */
async function receiver(answer: (req: http.IncomingMessage) => { status: number; body?: string; location?: string } = () => ({ status: 204 })) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const { status, body, location } = answer(req);
      res.writeHead(status, location ? { Location: location } : {});
      res.end(body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (server.address() as AddressInfo).port;
  return { received, port, url: `http://127.0.0.1:${port}/hook` };
}

const hookInput = (url: string, events: WebhookEvent[]) => webhookInput.parse({ url, events });

async function hook(url: string, events: WebhookEvent[]) {
  const { id } = await createWebhook(db, staff.admin, hookInput(url, events));
  return { id, secret: (await getWebhook(db, id))!.secret };
}

async function publishedStory(title: string): Promise<number> {
  const { id } = await createArticle(db, staff.editor, input({ title, sectionId }));
  await transitionArticle(db, staff.editor, id, 'publish');
  return id;
}

const deliveriesOf = (webhookId: number) => listDeliveries(db, webhookId);
const retire = (id: number) => deleteWebhook(db, staff.admin, id);

describe('configuration', () => {
  it('admins only; the URL must be http(s) and at most 2,000 characters, with at least one event', async () => {
    await expectActionError(createWebhook(db, staff.editor, hookInput('https://example.com/h', ['article.published'])), 403);
    expect(webhookInput.safeParse({ url: 'ftp://example.com/x', events: ['article.published'] }).success).toBe(false);
    expect(webhookInput.safeParse({ url: `https://example.com/${'a'.repeat(2000)}`, events: ['article.published'] }).success).toBe(false);
    expect(webhookInput.safeParse({ url: 'https://example.com/x', events: [] }).success).toBe(false);
    expect(webhookInput.safeParse({ url: 'https://example.com/x', events: ['article.nope'] }).success).toBe(false);
    const { id, secret } = await hook('https://example.com/h', ['article.published']);
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    await updateWebhook(db, staff.admin, id, { ...hookInput('https://example.com/h2', ['article.updated']), active: false });
    await retire(id);
    expect(await auditActions(db, 'webhook', id)).toEqual(['webhook.create', 'webhook.update', 'webhook.delete']);
  });
});

describe('events are written with the change that causes them', () => {
  it('publish, update of a live story, unpublish, trash and a scheduled story going live each enqueue one row per subscribed active hook', async () => {
    const all = await hook('https://example.com/all', ['article.published', 'article.updated', 'article.unpublished', 'article.deleted', 'article.scheduled-published']);
    const onlyPublished = await hook('https://example.com/published', ['article.published']);
    const off = await hook('https://example.com/off', ['article.published']);
    await updateWebhook(db, staff.admin, off.id, { ...hookInput('https://example.com/off', ['article.published']), active: false });

    const id = await publishedStory('Webhook story');
    const version = (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
    await saveArticle(db, staff.editor, id, version, input({ title: 'Webhook story, corrected', sectionId }));
    await transitionArticle(db, staff.editor, id, 'unpublish');
    await transitionArticle(db, staff.editor, id, 'publish');
    await transitionArticle(db, staff.editor, id, 'trash');
    const draft = await createArticle(db, staff.editor, input({ title: 'Draft only', sectionId }));
    await transitionArticle(db, staff.editor, draft.id, 'trash'); // never live: nothing to tell

    const scheduled = await createArticle(db, staff.editor, input({ title: 'Scheduled webhook story', sectionId }));
    await transitionArticle(db, staff.editor, scheduled.id, 'schedule', { publishAt: new Date(Date.now() + 3_600_000) });
    await db.update(articles).set({ publishedAt: new Date(Date.now() - 1000) }).where(eq(articles.id, scheduled.id));
    await promoteDueScheduled(db);

    const events = (await deliveriesOf(all.id)).map((d) => d.event).reverse();
    expect(events).toEqual(['article.published', 'article.updated', 'article.unpublished', 'article.published', 'article.deleted', 'article.scheduled-published']);
    expect((await deliveriesOf(onlyPublished.id)).map((d) => d.event)).toEqual(['article.published', 'article.published']);
    expect(await deliveriesOf(off.id)).toEqual([]);

    const [first] = await rows<{ payload: WebhookPayload }>(db, sql`select payload from webhook_deliveries where webhook_id = ${all.id} order by id limit 1`);
    expect(first!.payload).toMatchObject({ event: 'article.published', article: { id, title: 'Webhook story', url: expect.stringMatching(new RegExp(`^https?://[^/]+/articles/${id}-`)) } });
    expect(Date.parse(first!.payload.occurredAt)).not.toBeNaN();
    for (const h of [all, onlyPublished, off]) await retire(h.id);
  });

  it('a write that fails leaves no delivery behind (same transaction)', async () => {
    const h = await hook('https://example.com/rollback', ['article.updated']);
    const id = await publishedStory('Rolled back');
    await expectActionError(saveArticle(db, staff.editor, id, 999, input({ title: 'Stale save', sectionId })), 409);
    expect(await deliveriesOf(h.id)).toEqual([]);
    await retire(h.id);
  });
});

describe('sending', () => {
  it('posts the JSON body to a local receiver (allowed by name), signed over timestamp and body', async () => {
    const r = await receiver(() => ({ status: 200, body: 'thanks' }));
    const h = await hook(r.url, ['article.published']);
    const id = await publishedStory('Signed story');
    expect(await sendDueWebhooks(db, ALLOW)).toMatchObject({ delivered: 1 });
    expect(r.received).toHaveLength(1);
    const { headers, body } = r.received[0]!;
    expect(headers['content-type']).toBe('application/json');
    const payload = JSON.parse(body) as WebhookPayload;
    expect(payload).toMatchObject({ event: 'article.published', article: { id, title: 'Signed story' } });
    expect(headers['webhook-id']).toBe(payload.id);
    const signed = { timestamp: String(headers['webhook-timestamp']), signature: String(headers['webhook-signature']) };
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhook(h.secret, signed, body, now)).toBe(true);
    expect(verifyWebhook(h.secret, signed, body.replace('Signed', 'Forged'), now)).toBe(false);
    expect(verifyWebhook('whsec_other', signed, body, now)).toBe(false);
    expect(verifyWebhook(h.secret, signed, body, now + 301), 'a replay after five minutes').toBe(false);
    const [log] = await deliveriesOf(h.id);
    expect(log).toMatchObject({ status: 'delivered', attempts: 1, lastResponseCode: 200, lastResponseExcerpt: 'thanks', lastError: null });
    expect(await sendDueWebhooks(db, ALLOW)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(r.received).toHaveLength(1);
    await retire(h.id);
  });

  it('a 500 is retried later on the back-off schedule; the log keeps the code and the first 500 bytes; send again makes it due now', async () => {
    let status = 500;
    const r = await receiver(() => ({ status, body: `${'x'.repeat(600)}` }));
    const h = await hook(r.url, ['article.published']);
    await publishedStory('Receiver down');
    const before = Date.now();
    expect(await sendDueWebhooks(db, ALLOW)).toMatchObject({ retrying: 1 });
    let [log] = await deliveriesOf(h.id);
    expect(log).toMatchObject({ status: 'pending', attempts: 1, lastResponseCode: 500, lastError: 'HTTP 500' });
    expect(log!.lastResponseExcerpt).toHaveLength(500);
    const wait = Date.parse(log!.nextAttemptAt) - before;
    expect(wait).toBeGreaterThan(RETRY_DELAYS_MS[0]! - 5_000);
    expect(wait).toBeLessThan(RETRY_DELAYS_MS[0]! + 30_000);
    expect(await sendDueWebhooks(db, ALLOW), 'not due yet').toEqual({ delivered: 0, retrying: 0, failed: 0 });

    // The second failure waits longer (5 minutes).
    await db.update(webhookDeliveries).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(webhookDeliveries.id, log!.id));
    await sendDueWebhooks(db, ALLOW);
    [log] = await deliveriesOf(h.id);
    expect(log!.attempts).toBe(2);
    expect(Date.parse(log!.nextAttemptAt) - Date.now()).toBeGreaterThan(RETRY_DELAYS_MS[1]! - 60_000);

    // Past the day of retries, the next failure is final.
    await db.update(webhookDeliveries).set({ nextAttemptAt: new Date(Date.now() - 1000), giveUpAt: new Date(Date.now() + 1000) }).where(eq(webhookDeliveries.id, log!.id));
    expect(await sendDueWebhooks(db, ALLOW)).toMatchObject({ failed: 1 });
    expect((await deliveriesOf(h.id))[0]).toMatchObject({ status: 'failed', attempts: 3 });

    status = 202;
    await resendDelivery(db, staff.admin, h.id, log!.id);
    expect((await deliveriesOf(h.id))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await sendDueWebhooks(db, ALLOW)).toMatchObject({ delivered: 1 });
    expect((await deliveriesOf(h.id))[0]).toMatchObject({ status: 'delivered', attempts: 1, lastResponseCode: 202 });
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size, 'one id on every attempt').toBe(1);
    await expectActionError(resendDelivery(db, staff.editor, h.id, log!.id), 403);
    await retire(h.id);
  });

  it('refuses loopback without allowance, private and metadata addresses, and redirects to them; the log says why', async () => {
    const r = await receiver(() => ({ status: 200 }));
    const loopback = await hook(r.url, ['article.published']);
    const privateHook = await hook('http://10.20.30.40/hook', ['article.published']);
    await publishedStory('Not for the intranet');
    expect(await sendDueWebhooks(db, { allowHosts: [] })).toMatchObject({ failed: 2 });
    expect(r.received).toHaveLength(0);
    for (const [h, address] of [[loopback, '127.0.0.1'], [privateHook, '10.20.30.40']] as const) {
      const [log] = await deliveriesOf(h.id);
      expect(log).toMatchObject({ status: 'failed', lastResponseCode: null });
      expect(log!.lastError).toContain(`resolves to ${address}`);
    }
    // A name that resolves to the metadata service; a redirect from an allowed host to a refused one.
    await expect(safeFetch('http://metadata.example.test/', { resolve: async () => [{ address: '169.254.169.254', family: 4 }] })).rejects.toThrow(/link-local/);
    await expect(safeFetch('http://mapped.example.test/', { resolve: async () => [{ address: '93.184.216.34', family: 4 }, { address: '::ffff:127.0.0.1', family: 6 }] })).rejects.toThrow(OutboundRefused);
    const redirecting = await receiver(() => ({ status: 302, location: `http://localhost:${r.port}/hook` }));
    await expect(safeFetch(redirecting.url, { method: 'POST', body: '{}', ...ALLOW })).rejects.toThrow(/localhost resolves to/);
    await expect(safeFetch('file:///etc/passwd', ALLOW)).rejects.toThrow(/only http and https/);
    expect(r.received).toHaveLength(0);
    await retire(loopback.id);
    await retire(privateHook.id);
  });

  it('bounds the answer it reads and the time it waits', async () => {
    const big = await receiver(() => ({ status: 200, body: 'y'.repeat(200_000) }));
    const answer = await safeFetch(big.url, { ...ALLOW, maxBytes: 1024 });
    expect(answer.body.length).toBe(1024);
    expect(answer.truncated).toBe(true);
    const server = http.createServer(() => {}); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const started = Date.now();
    await expect(safeFetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { ...ALLOW, timeoutMs: 300 })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
    server.closeAllConnections();
    server.close();
  });
});

describe('deliveries are rows', () => {
  it('a sender that never ran, or died after claiming, leaves them to a fresh sender', async () => {
    const r = await receiver(() => ({ status: 200 }));
    const h = await hook(r.url, ['article.published']);
    await publishedStory('Survives a restart');
    await sendTestEvent(db, staff.admin, h.id);
    // A sender claims both and dies before sending: the rows wait for their lease to run out.
    expect(await claimDueDeliveries(db, 10)).toHaveLength(2);
    expect(await sendDueWebhooks(db, ALLOW)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    await db.update(webhookDeliveries).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(webhookDeliveries.webhookId, h.id));
    expect(await sendDueWebhooks(db, ALLOW)).toMatchObject({ delivered: 2 });
    expect(r.received.map((x) => (JSON.parse(x.body) as WebhookPayload).event).sort()).toEqual(['article.published', 'webhook.test']);
    expect((await deliveriesOf(h.id)).map((d) => d.attempts)).toEqual([2, 2]);
    await retire(h.id);
  });

  it('two senders at once send each delivery exactly once', async () => {
    const r = await receiver(() => ({ status: 200 }));
    const h = await hook(r.url, ['article.published']);
    for (let i = 0; i < 12; i++) await sendTestEvent(db, staff.admin, h.id);
    const [a, b] = await Promise.all([sendDueWebhooks(db, { ...ALLOW, batch: 3 }), sendDueWebhooks(db, { ...ALLOW, batch: 3 })]);
    expect(a.delivered + b.delivered).toBe(12);
    const ids = r.received.map((x) => String(x.headers['webhook-id']));
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    await retire(h.id);
  });
});
