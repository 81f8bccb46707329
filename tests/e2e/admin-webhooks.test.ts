import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSections } from '@/services/seed/demo-content';
import { verifyWebhook } from '@/domain/webhooks/signature';
import { callAction } from '../helpers/actions';
import { actionsAs, closeAdmin, doc, eventually, mt, sectionIdInAdmin, staffCookie, startAdmin, t, type AdminServer } from '../helpers/admin';

/**
 * Issue 12 against the production build: the webhooks screen is the administrators' alone, refuses bad
 * input field by field, and a story published by an editor reaches a receiver (allowed by
 * OUTBOUND_ALLOW_HOSTS) signed, from the server's own sender timer, with the delivery in the log.
 */

const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200).end('received by the e2e receiver');
  });
});

let nr: AdminServer;
let adminCookie: string;
let editorCookie: string;
let receiverUrl: string;

const page = async (path: string, cookie: string) => {
  const res = await fetch(`${nr.baseURL}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' });
  return { status: res.status, html: await res.text() };
};

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/gazette`;
  nr = await startAdmin({
    prefix: 'gazette-webhooks-',
    staff: [
      { key: 'editor', role: 'editor' },
      { key: 'admin', role: 'admin' },
    ],
    env: { OUTBOUND_ALLOW_HOSTS: '127.0.0.1' },
  });
  adminCookie = await staffCookie(nr, 'admin');
  editorCookie = await staffCookie(nr, 'editor');
});

afterAll(async () => {
  await closeAdmin(nr);
  receiver.close();
});

describe('the webhooks screen', () => {
  it('is in the administrator’s sidebar only; an editor gets 404 and the action refuses them', async () => {
    const asAdmin = await page('/admin/webhooks', adminCookie);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.html).toContain(`href="/admin/webhooks"`);
    expect(asAdmin.html).toContain(t('webhooks'));
    expect((await page('/admin', editorCookie)).html).not.toContain('href="/admin/webhooks"');
    expect((await page('/admin/webhooks', editorCookie)).status).toBe(404);
    const refused = await callAction<{ ok: boolean; status: number }>(nr.baseURL, 'createWebhookAction', [{ url: receiverUrl, events: ['article.published'] }], { cookie: editorCookie });
    expect(refused.value).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a non-http address and no events with 422 and a message on each field; nothing is created', async () => {
    const bad = await callAction<{ ok: boolean; status: number; fieldErrors: Record<string, string[]> }>(nr.baseURL, 'createWebhookAction', [{ url: 'ftp://example.com/x', events: [] }], { cookie: adminCookie });
    expect(bad.value).toMatchObject({ ok: false, status: 422 });
    expect(Object.keys(bad.value!.fieldErrors).sort()).toEqual(['events', 'url']);
    expect((await page('/admin/webhooks', adminCookie)).html).toContain(mt('webhookCount', { count: 0 }));
  });

  it('delivers a story an editor publishes, signed, and logs it on the webhook’s screen', async () => {
    const { id } = await actionsAs(nr.baseURL, adminCookie)<{ id: number }>('createWebhookAction', [{ url: receiverUrl, events: ['article.published'] }]);
    const screen = await page(`/admin/webhooks/${id}`, adminCookie);
    const secret = /value="(whsec_[\w-]+)"/.exec(screen.html)?.[1];
    expect(secret).toBeDefined();

    const sectionId = await sectionIdInAdmin(nr.baseURL, editorCookie, demoSections.find((s) => s.slug === 'company')!.title);
    const act = actionsAs(nr.baseURL, editorCookie);
    const story = await act<{ id: number }>('createArticleAction', [{ title: 'Webhook e2e story', body: doc('Body.'), sectionId }]);
    await act('transitionArticleAction', [{ id: story.id, transition: 'publish' }]);

    const delivery = (await eventually(async () => received.find((r) => r.body.includes('Webhook e2e story')), { timeout: 40_000, what: 'the delivery' }))!;
    expect(verifyWebhook(secret!, { timestamp: String(delivery.headers['webhook-timestamp']), signature: String(delivery.headers['webhook-signature']) }, delivery.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({ event: 'article.published', article: { id: story.id, url: expect.stringContaining(`/articles/${story.id}-`) } });

    const log = await eventually(async () => {
      const html = (await page(`/admin/webhooks/${id}`, adminCookie)).html;
      return html.includes(mt('delivery_delivered')) ? html : undefined;
    }, { what: 'the log entry' });
    expect(log).toContain('received by the e2e receiver');
    expect(log).toContain(mt('sendAgain'));
  });
});
