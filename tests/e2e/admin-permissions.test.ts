import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { demoPages, demoSections, demoSite } from '@/services/seed/demo-content';
import { translateMessage, type MessageCode } from '@/domain/i18n/server-messages';
import { callAction, listServerActions, request, type ActionCall } from '../helpers/actions';
import { staffRoster } from '../fixtures/staff';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp';
import { samplePdf } from '../fixtures/documents';
import { doc, rawSignIn, readerGet, sessionCookie, startAdmin, type AdminServer } from '../helpers/admin';

/**
 * Every Server Action (all of them live in actions/) is a public HTTP endpoint. This file calls each of them the
 * way a script would (no UI), without a session and as each role, and checks the documented
 * outcome; whenever a call is refused, the state it targeted must be unchanged.
 *
 * How outcomes read (see `outcome()`):
 *   'ok' / '401' / '403' / '404' / '409' / '422'  the `{ok, status}` answer of a defineAction action
 *   'form-ok' / 'form-error: <message>'           the FormState of a management form action
 *   'state-error: <code>'                          the state of the sign-in / setup forms
 *   'redirect <path>'                              a redirect() inside the action (x-action-redirect)
 *   'not-run'                                      Next answered `{}` without running the action: the
 *                                                  request was forwarded to the admin page that holds
 *                                                  the action and proxy.ts redirected it (no cookie)
 * Without any cookie, proxy.ts stops every staff action before it runs ('not-run', or 'redirect
 * /admin/login' when posted to an admin page); with a forged cookie it lets the request through and
 * the action itself must refuse: that is the row's `anonymous` outcome (401 by default).
 */

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const ROLES = ['contributor', 'author', 'editor', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Caller = 'none' | 'forged' | Role;
const CALLERS: readonly Caller[] = ['none', 'forged', ...ROLES];

/** A cookie with the session cookie's name that is not a session: gets past proxy.ts's optimistic check. */
const FORGED_COOKIE = 'authjs.session-token=not-a-real-session-token';
const L = (code: MessageCode) => translateMessage('zh-CN', { code });
const serverMessage = (code: MessageCode) => translateMessage('en', { code });
const NO_PERMISSION = `form-error: ${L('noPermission')}`;
const SIGN_IN_FIRST = `form-error: ${L('pleaseSignIn')}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `redirect /admin/media/<id>?error=<message>` as the media detail page's form actions answer. */
const mediaError = (message: string) => new RegExp(`^redirect /admin/media/\\d+\\?${escape(new URLSearchParams({ error: message }).toString())}$`);

// Each caller connects from its own loopback address, so that deliberate failures (wrong current
// passwords, sign-ins) never add up to the per-address sign-in limit of another caller.
const ADDRESS: Record<Caller | 'fixtures' | 'author2', string> = {
  none: '127.0.0.60',
  forged: '127.0.0.61',
  contributor: '127.0.0.62',
  author: '127.0.0.63',
  editor: '127.0.0.64',
  admin: '127.0.0.65',
  fixtures: '127.0.0.66',
  author2: '127.0.0.67',
};

let nr: AdminServer;
let smtp: TestSmtp;
const cookies: Partial<Record<Role | 'author2', string>> = {};
let sectionId: number;
let counter = 0;
const uniq = (label: string) => `E2E ${label} ${process.pid}-${++counter}`;

// -------------------------------------------------------------------------------------------------
// Calling and reading outcomes

async function call<T = unknown>(caller: Caller | 'fixtures' | 'author2', name: string, args: unknown[], path?: string): Promise<ActionCall<T>> {
  const cookie = caller === 'none' ? undefined : caller === 'forged' ? FORGED_COOKIE : caller === 'fixtures' ? cookies.admin : cookies[caller];
  return callAction<T>(nr.baseURL, name, args, { cookie, localAddress: ADDRESS[caller], path });
}

function outcome(result: ActionCall<unknown>): string {
  if (result.redirect) return `redirect ${result.redirect}`;
  const value = result.value as Record<string, unknown> | undefined | null;
  if (value && typeof value === 'object') {
    if ('ok' in value) return value.ok ? 'ok' : String(value.status);
    if (value.status === 'ok') return 'form-ok';
    if (value.status === 'error') return `form-error: ${String(value.error)}`;
    if ('error' in value) return `state-error: ${String(value.error)}`;
  }
  if (result.thrown !== undefined) return `thrown ${JSON.stringify(result.thrown)}`;
  if (result.raw.trim() === '{}' && value === undefined) return 'not-run';
  return `unexpected HTTP ${result.httpStatus}: ${result.raw.slice(0, 300)}`;
}

/** Runs an action as the admin for a fixture and returns its data. */
async function fixture<T>(name: string, args: unknown[], as: 'fixtures' | 'author2' = 'fixtures'): Promise<T> {
  const result = await call<{ ok: boolean; data: T }>(as, name, args);
  if (!result.value?.ok) throw new Error(`fixture ${name} failed: ${outcome(result)}`);
  return result.value.data;
}

/** The admin's view of a page, inside <main>: what a refused call must leave as it was. */
async function adminView(path: string): Promise<string> {
  const res = await request(`${nr.baseURL}${path}`, { headers: { Cookie: cookies.admin! }, localAddress: ADDRESS.fixtures });
  const html = res.text();
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1];
  if (res.status !== 200 || main === undefined) throw new Error(`GET ${path} as admin: ${res.status}`);
  return main;
}

/** What a reader gets (after the redirect to the canonical URL): 200 when public, 404 otherwise. */
async function publicStatus(path: string): Promise<number> {
  return (await readerGet(nr.baseURL, path)).status;
}

const articleView = async (id: number) => JSON.stringify((await call('fixtures', 'loadEditableArticleAction', [{ id }])).value);

// -------------------------------------------------------------------------------------------------
// Fixtures (created over HTTP as the admin, or as a second author for "someone else's" articles)

const draftBy = async (who: 'author2' | 'fixtures', title = uniq('Draft')) => {
  const data = await fixture<{ id: number; version: number }>('createArticleAction', [{ title, body: doc(`Body of ${title}`), sectionId }], who);
  return { ...data, title };
};
const newSection = () => fixture<{ id: number }>('createSectionAction', [{ title: uniq('Section') }]);
const newTag = () => fixture<{ id: number }>('createTagAction', [{ name: uniq('Tag') }]);
/** An old address nobody else uses: the pid and counter keep runs and rows apart. */
const oldAddress = () => `/e2e-old/${process.pid}-${++counter}.html`;
const newRedirect = async () => {
  const from = oldAddress();
  return { ...(await fixture<{ id: number }>('createRedirectAction', [{ fromPath: from, toPath: '/', statusCode: 301 }])), from };
};
function csvFile(text: string): FormData {
  const data = new FormData();
  data.append('file', new File([text], 'redirects.csv', { type: 'text/csv' }));
  return data;
}
const newPage = () => fixture<{ id: number; version: number }>('createPageAction', [{ title: uniq('Page'), body: doc('Page body') }]);
const newTopic = () => fixture<{ id: number }>('createTopicAction', [{ title: uniq('Topic'), published: false }]);
/** Someone else's draft (the second author's) with a PDF listed for download, uploaded by its author over HTTP. */
const othersAttachment = async () => {
  const draft = await draftBy('author2');
  const res = await request(`${nr.baseURL}/api/articles/${draft.id}/attachments`, {
    method: 'POST',
    headers: { Cookie: cookies.author2!, Origin: nr.baseURL, 'X-File-Name': encodeURIComponent(`${uniq('file')}.pdf`) },
    body: samplePdf(),
    localAddress: ADDRESS.author2,
  });
  if (res.status !== 201) throw new Error(`attachment upload: ${res.status} ${res.text()}`);
  return { id: (JSON.parse(res.text()) as { id: number }).id, articleId: draft.id };
};
/** A colleague invited without a password (the matrix's server mails, to the test's SMTP server). */
const invitedUser = async () => {
  const marker = uniq('Invited');
  return fixture<{ id: number }>('inviteUserAction', [{ email: `${marker.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.test`, name: marker, role: 'author', password: '' }]);
};
const newUser = async () => {
  const marker = uniq('User');
  const email = `${marker.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.test`;
  return fixture<{ id: number }>('inviteUserAction', [{ email, name: marker, role: 'contributor', password: 'a password 123' }]);
};
async function newMedia(): Promise<{ id: number }> {
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 120, g: 160, b: 90 } } }).png().toBuffer();
  const res = await request(`${nr.baseURL}/api/media`, {
    method: 'POST',
    headers: { Cookie: cookies.admin!, Origin: nr.baseURL, 'Content-Type': 'image/png', 'X-File-Name': encodeURIComponent(`${uniq('image')}.png`) },
    body: png,
    localAddress: ADDRESS.fixtures,
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text()}`);
  return JSON.parse(res.text()) as { id: number };
}
/** A library image with an alt text (what applying it to stories needs). */
async function newMediaWithAlt(): Promise<{ id: number }> {
  const item = await newMedia();
  await fixture('updateMediaAction', [{ id: item.id, alt: uniq('Alt'), caption: '' }]);
  return item;
}
/** An article by the second author with two revisions; answers the id of the first one. */
async function withRevisions() {
  const draft = await draftBy('author2');
  const saved = await fixture<{ version: number }>(
    'saveArticleAction',
    [{ id: draft.id, baseVersion: draft.version, values: { title: `${draft.title} v2`, body: doc('Second version'), sectionId } }],
    'author2',
  );
  const page = await adminView(`/admin/articles/${draft.id}/revisions`);
  const ids = [...page.matchAll(/revisions\?rev=(\d+)/g)].map((m) => Number(m[1]));
  if (!ids.length) throw new Error('no revision links on the revisions page');
  return { id: draft.id, version: saved.version, revisionId: Math.min(...ids) };
}

/** A webhook to a private address: whatever is sent to it fails at once, so its log settles quickly. */
const hookUrl = () => `http://10.0.0.1/${uniq('hook').replace(/\W+/g, '-')}`;
const newWebhook = () => fixture<{ id: number }>('createWebhookAction', [{ url: hookUrl(), events: ['article.published'], active: true }]);
/** A webhook with one delivery in its log, settled (failed), so that probes of its screen are stable. */
async function newWebhookWithDelivery() {
  const hook = await newWebhook();
  await fixture('sendTestWebhookAction', [{ id: hook.id }]);
  let page = '';
  await vi.waitFor(
    async () => {
      page = await adminView(`/admin/webhooks/${hook.id}`);
      expect(page).toMatch(/name="deliveryId"/);
      expect(page).not.toMatch(/待发送|>Pending</);
    },
    { timeout: 60_000, interval: 500 },
  );
  return { id: hook.id, deliveryId: Number(/name="deliveryId" value="(\d+)"/.exec(page)![1]) };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}
const IDLE = { status: 'idle' };

const demoNav = [
  ...demoSections.filter((s) => !s.parent).map((s) => ({ label: s.title, href: `/${s.slug}` })),
  ...demoPages.slice(0, 2).map((p) => ({ label: p.title, href: `/${p.slug}` })),
];
const settingsInput = (tagline: string) => ({
  name: demoSite.name,
  tagline,
  hotline: demoSite.hotline,
  logoUrl: '',
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  footerText: demoSite.footerText,
  icp: demoSite.icp,
  reprintTemplate: demoSite.reprintTemplate,
  nav: demoNav,
  baseUpdatedAt: null,
});
function settingsForm(tagline: string): FormData {
  const input = settingsInput(tagline);
  const data = form({ name: input.name, tagline, hotline: input.hotline, logoUrl: '', locale: 'zh-CN', timeZone: input.timeZone, footerText: input.footerText, icp: input.icp, reprintTemplate: input.reprintTemplate });
  for (const item of demoNav) {
    data.append('navLabel', item.label);
    data.append('navHref', item.href);
  }
  return data;
}

// -------------------------------------------------------------------------------------------------
// The matrix

interface Target {
  [key: string]: unknown;
}

interface Row {
  /** Exported name in the manifest. */
  name: string;
  /** Source file, relative to the project. */
  file: string;
  /** What the rule is, in words: shown in the test name. */
  rule: string;
  /** Roles that may call it; 'public' for the sign-in and setup forms. */
  allowed: readonly Role[] | 'public';
  /** The outcome of an allowed call (default 'ok'). */
  ok?: string | RegExp;
  /** The outcome of a refused role (default '403'). */
  refused?: string | RegExp | ((role: Role) => string | RegExp);
  /** The outcome of a forged session (default '401'); no cookie at all is 'not-run' or this. */
  anonymous?: string | RegExp;
  /** Builds the target of one call; `allowed` tells whether the call is expected to succeed. */
  target?: (caller: Caller, allowed: boolean) => Promise<Target>;
  args: (target: Target, caller: Caller) => unknown[];
  /** State the call must leave as it was when refused. */
  probe?: (target: Target) => Promise<unknown>;
  /**
   * Post to this page instead of `/`. A call posted to `/` is forwarded by Next.js to a page that
   * holds the action, and the forwarded request comes from the server itself (127.0.0.1): rows
   * that record failed password checks per address post to their own page, as the browser does.
   */
  path?: string;
  /** Checks after an allowed call (the change did happen). */
  check?: (target: Target, result: ActionCall<unknown>, caller: Caller) => Promise<void>;
}

const A = 'actions/articles.ts';
const P = 'actions/preview-links.ts';
const S = 'actions/sections.ts';
const T = 'actions/tags.ts';
const PG = 'actions/pages.ts';
const U = 'actions/users.ts';
const ST = 'actions/settings.ts';
const AC = 'actions/account.ts';
const M = 'actions/media.ts';
const R = 'actions/redirects.ts';
const BN = 'actions/breaking-news.ts';
const W = 'actions/webhooks.ts';
const TK = 'actions/api-tokens.ts';
const AN = 'actions/article-notices.ts';
const AC2 = 'actions/article-comments.ts';
const NT = 'actions/notifications.ts';

const EDITORS: readonly Role[] = ['editor', 'admin'];
const ADMINS: readonly Role[] = ['admin'];
const EVERYONE: readonly Role[] = ROLES;

/** A personal API token of the second author's. */
const othersToken = async () => {
  const created = await fixture<{ token: { id: number } }>('createApiTokenAction', [{ name: uniq('Their bot') }], 'author2');
  return { id: created.token.id };
};
/** The one token a refused revoke aimed at, as the admin lists it: the whole users page also shows other tokens'
 * "last used" times, which move whenever anything else authenticates with them. */
const tokenState = async (t: { id?: number }) =>
  JSON.stringify((await fixture<{ id: number }[]>('listAllApiTokensAction', [{}])).find((token) => token.id === t.id) ?? null);
/** Someone else's draft (the second author's): only editors see it; others get 404 or 403. */
const othersDraft = async () => draftBy('author2');
/** Someone else's draft with a share link its author made (it opens: 200). */
const othersSharedDraft = async () => {
  const draft = await draftBy('author2');
  const link = await fixture<{ id: number; path: string }>('createPreviewLinkAction', [{ id: draft.id }], 'author2');
  return { ...draft, linkId: link.id, path: link.path };
};

/** Someone else's story, published (by the admin): it can be corrected. */
const othersPublished = async () => {
  const draft = await draftBy('author2');
  await fixture('transitionArticleAction', [{ id: draft.id, transition: 'publish' }]);
  return draft;
};
/** Someone else's published story with one correction. */
const othersCorrected = async () => {
  const story = await othersPublished();
  const notice = await fixture<{ id: number }>('addArticleNoticeAction', [{ articleId: story.id, kind: 'correction', note: uniq('Correction') }]);
  return { ...story, noticeId: notice.id };
};
/** The corrections card under the story's editor, as the admin sees it. */
const noticesView = async (id: number) => /<section aria-labelledby="article-notices"[\s\S]*?<\/section>/.exec(await adminView(`/admin/articles/${id}`))?.[0] ?? 'no card';
/** The conversation card under the story's editor, as the admin sees it. */
const conversationView = async (id: number) => /<section aria-labelledby="article-conversation"[\s\S]*?<\/section>/.exec(await adminView(`/admin/articles/${id}`))?.[0] ?? 'no card';
/** Contributors may publish nothing (403); authors do not see someone else's story (404). */
const noticeRefusal = (role: Role) => (role === 'contributor' ? '403' : '404');
const noticeFormRefusal = (role: Role) => (role === 'contributor' ? NO_PERMISSION : `form-error: ${L('notFoundArticle')}`);

/** One change a management screen makes both through a defineAction action and through a form action. */
interface ChangeWithForm {
  /** Exported names of the two actions. */
  action: string;
  form: string;
  /** The action row's rule (default: the permission); the form row's is `<permission>, through the form` unless `formRule` says more. */
  rule?: string;
  formRule?: string;
  /** The form's outcome when allowed (default 'form-ok'). */
  formOk?: string | RegExp;
  target?: Row['target'];
  /** What the action takes; the form posts the same fields as text (objects as JSON). */
  input: (target: Target) => Record<string, unknown>;
  probe?: Row['probe'];
  /** The action row's probe when it differs from the form's. */
  actionProbe?: Row['probe'];
}

const asFormFields = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).map(([key, value]) => [key, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)]));

/**
 * The rows of changes that have an action and a form (first every action, then every form): the
 * same permission and target for both; the form answers a FormState and refuses in words.
 */
function changesWithForms(file: string, allowed: readonly Role[], permission: string, changes: ChangeWithForm[]): Row[] {
  const actions = changes.map((c): Row => ({ name: c.action, file, rule: c.rule ?? permission, allowed, target: c.target, args: (t) => [c.input(t)], probe: c.actionProbe ?? c.probe }));
  const forms = changes.map(
    (c): Row => ({
      name: c.form,
      file,
      rule: c.formRule ?? `${permission}, through the form`,
      allowed,
      ok: c.formOk ?? 'form-ok',
      refused: NO_PERMISSION,
      anonymous: SIGN_IN_FIRST,
      target: c.target,
      args: (t) => [IDLE, form(asFormFields(c.input(t)))],
      probe: c.probe,
    }),
  );
  return [...actions, ...forms];
}

const rows: Row[] = [
  // --- Articles ------------------------------------------------------------------------------
  {
    name: 'createArticleAction',
    file: A,
    rule: 'any staff member creates drafts',
    allowed: EVERYONE,
    target: async () => ({ title: uniq('Created') }),
    args: (t) => [{ title: t.title, body: doc('New story'), sectionId }],
    probe: async (t) => adminView(`/admin/articles?q=${encodeURIComponent(String(t.title))}`),
  },
  {
    name: 'saveArticleAction',
    file: A,
    rule: "someone else's draft: editors save it; contributors and authors do not even see it (404)",
    allowed: EDITORS,
    refused: '404',
    target: othersDraft,
    args: (t) => [{ id: t.id, baseVersion: t.version, values: { title: `${t.title} edited`, body: doc('Edited'), sectionId } }],
    probe: (t) => articleView(t.id as number),
  },
  {
    name: 'transitionArticleAction',
    file: A,
    rule: "publishing someone else's draft: editors may, contributors and authors do not even see it (404)",
    allowed: EDITORS,
    refused: '404',
    target: othersDraft,
    args: (t) => [{ id: t.id, transition: 'publish' }],
    probe: async (t) => [await articleView(t.id as number), await publicStatus(`/articles/${t.id}`)],
    check: async (t) => expect(await publicStatus(`/articles/${t.id}`)).toBe(200),
  },
  {
    name: 'bulkTransitionAction',
    file: A,
    rule: 'bulk publish is for editors only (article:bulk)',
    allowed: EDITORS,
    target: othersDraft,
    args: (t) => [{ ids: [t.id], transition: 'publish' }],
    probe: async (t) => [await articleView(t.id as number), await publicStatus(`/articles/${t.id}`)],
    check: async (t, result) => expect((result.value as { data: unknown }).data).toEqual([{ id: t.id, ok: true }]),
  },
  {
    name: 'restoreRevisionAction',
    file: A,
    rule: "restoring a revision of someone else's article: editors only; others 404",
    allowed: EDITORS,
    refused: '404',
    target: withRevisions,
    args: (t) => [{ id: t.id, revisionId: t.revisionId, baseVersion: t.version }],
    probe: (t) => articleView(t.id as number),
  },
  {
    name: 'heartbeatAction',
    file: A,
    rule: "presence on someone else's article: editors only; others 404 and are not recorded",
    allowed: EDITORS,
    refused: '404',
    target: othersDraft,
    args: (t) => [{ id: t.id }],
    // Who the admin sees in the article besides themselves.
    probe: async (t) => JSON.stringify((await call('fixtures', 'heartbeatAction', [{ id: t.id }])).value),
  },
  {
    name: 'loadEditableArticleAction',
    file: A,
    rule: "reading someone else's draft for the editor: editors only; others 404",
    allowed: EDITORS,
    refused: '404',
    target: othersDraft,
    args: (t) => [{ id: t.id }],
    probe: (t) => articleView(t.id as number),
    check: async (t, result) => expect((result.value as { data: { values: { title: string } } }).data.values.title).toBe(t.title),
  },
  {
    name: 'bulkArticlesForm',
    file: A,
    rule: 'the list page bulk form: editors only; the answer is the outcome in words',
    allowed: EDITORS,
    ok: 'form-ok',
    refused: NO_PERMISSION,
    anonymous: SIGN_IN_FIRST,
    target: othersDraft,
    args: (t) => [IDLE, form({ ids: String(t.id), transition: 'publish' })],
    probe: async (t) => [await articleView(t.id as number), await publicStatus(`/articles/${t.id}`)],
  },
  {
    name: 'createPreviewLinkAction',
    file: P,
    rule: "a share link for someone else's draft: editors only; others 404",
    allowed: EDITORS,
    refused: '404',
    target: othersDraft,
    args: (t) => [{ id: t.id }],
    probe: () => adminView('/admin/audit'),
    check: async (_t, result) => expect((result.value as { data: { path: string } }).data.path).toMatch(/^\/preview\//),
  },
  {
    name: 'listPreviewLinksAction',
    file: P,
    rule: "the share links of someone else's draft: editors only; others 404",
    allowed: EDITORS,
    refused: '404',
    target: othersSharedDraft,
    args: (t) => [{ id: t.id }],
    check: async (t, result) => expect((result.value as { data: { id: number }[] }).data.map((l) => l.id)).toContain(t.linkId),
  },
  {
    name: 'revokePreviewLinkAction',
    file: P,
    rule: "revoking someone else's share link: editors only (others 404); the link stops working at once",
    allowed: EDITORS,
    refused: '404',
    target: othersSharedDraft,
    args: (t) => [{ linkId: t.linkId }],
    probe: (t) => publicStatus(String(t.path)),
    check: async (t) => expect(await publicStatus(String(t.path))).toBe(404),
  },
  {
    name: 'revokeAllPreviewLinksAction',
    file: P,
    rule: "revoking every share link of someone else's draft: editors only (others 404); the links stop working at once",
    allowed: EDITORS,
    refused: '404',
    target: othersSharedDraft,
    args: (t) => [{ id: t.id }],
    probe: (t) => publicStatus(String(t.path)),
    check: async (t) => expect(await publicStatus(String(t.path))).toBe(404),
  },

  // --- Sections -------------------------------------------------------------------------------
  ...changesWithForms(S, EDITORS, 'section:manage', [
    {
      action: 'createSectionAction',
      form: 'createSectionForm',
      rule: 'sections are managed by editors and admins (section:manage)',
      target: async () => ({ title: uniq('Section') }),
      input: (t) => ({ title: t.title }),
      probe: () => adminView('/admin/sections'),
    },
    { action: 'updateSectionAction', form: 'updateSectionForm', target: newSection, input: (t) => ({ id: t.id, title: uniq('Renamed') }), probe: (t) => adminView(`/admin/sections/${t.id}`) },
    { action: 'deleteSectionAction', form: 'deleteSectionForm', target: newSection, input: (t) => ({ id: t.id }), probe: (t) => adminView(`/admin/sections/${t.id}`) },
  ]),

  // --- Tags -----------------------------------------------------------------------------------
  ...changesWithForms(T, EDITORS, 'tag:manage', [
    {
      action: 'createTagAction',
      form: 'createTagForm',
      rule: 'tags are managed by editors and admins (tag:manage; authors only create tags from the editor)',
      target: async () => ({ name: uniq('Tag') }),
      input: (t) => ({ name: t.name }),
      probe: (t) => adminView(`/admin/tags?q=${encodeURIComponent(String(t.name))}`),
    },
    { action: 'updateTagAction', form: 'updateTagForm', target: newTag, input: (t) => ({ id: t.id, name: uniq('Renamed tag') }), probe: (t) => adminView(`/admin/tags/${t.id}`) },
    {
      action: 'mergeTagsAction',
      form: 'mergeTagsForm',
      formRule: 'tag:manage, through the form; a merge continues on the surviving tag',
      formOk: /^redirect \/admin\/tags\/\d+\?merged=1$/,
      target: async () => ({ source: (await newTag()).id, target: (await newTag()).id }),
      input: (t) => ({ sourceId: t.source, targetId: t.target }),
      probe: async (t) => [await adminView(`/admin/tags/${t.source}`), await adminView(`/admin/tags/${t.target}`)],
    },
    { action: 'deleteTagAction', form: 'deleteTagForm', target: newTag, input: (t) => ({ id: t.id }), probe: (t) => adminView(`/admin/tags/${t.id}`) },
  ]),

  // --- Breaking news --------------------------------------------------------------------------
  ...changesWithForms(BN, EDITORS, 'breaking:manage', [
    {
      action: 'setBreakingNewsAction',
      form: 'setBreakingNewsForm',
      rule: 'the breaking-news banner is put up by editors and admins (breaking:manage)',
      target: async () => ({ text: uniq('Breaking') }),
      input: (t) => ({ text: t.text, href: '', hours: 1 }),
      probe: () => adminView('/admin/breaking'),
    },
    {
      action: 'endBreakingNewsAction',
      form: 'endBreakingNewsForm',
      formOk: 'redirect /admin/breaking?ended=1',
      target: async () => fixture<{ banner: { id: number } }>('setBreakingNewsAction', [{ text: uniq('To end'), href: '', hours: 1 }]),
      input: () => ({}),
      probe: () => adminView('/admin/breaking'),
    },
  ]),

  // --- Redirects ------------------------------------------------------------------------------
  ...changesWithForms(R, EDITORS, 'redirect:manage', [
    {
      action: 'createRedirectAction',
      form: 'createRedirectForm',
      rule: 'redirects are managed by editors and admins (redirect:manage)',
      target: async () => ({ from: oldAddress() }),
      input: (t) => ({ fromPath: t.from, toPath: '/', statusCode: 301 }),
      probe: (t) => adminView(`/admin/redirects?q=${encodeURIComponent(String(t.from))}`),
    },
    { action: 'updateRedirectAction', form: 'updateRedirectForm', target: newRedirect, input: (t) => ({ id: t.id, fromPath: t.from, toPath: '/search', statusCode: 302 }), probe: (t) => adminView(`/admin/redirects/${t.id}`) },
    { action: 'deleteRedirectAction', form: 'deleteRedirectForm', target: newRedirect, input: (t) => ({ id: t.id }), probe: (t) => adminView(`/admin/redirects/${t.id}`) },
  ]),
  {
    name: 'importRedirectsAction',
    file: R,
    rule: 'redirect:manage; the CSV is all or nothing',
    allowed: EDITORS,
    target: async () => ({ from: oldAddress() }),
    args: (t) => [{ csv: `from,to,status\n${t.from},/,302\n` }],
    probe: (t) => adminView(`/admin/redirects?q=${encodeURIComponent(String(t.from))}`),
  },
  {
    name: 'importRedirectsForm',
    file: R,
    rule: 'redirect:manage, through the form (a CSV file upload)',
    allowed: EDITORS,
    ok: 'form-ok',
    refused: NO_PERMISSION,
    anonymous: SIGN_IN_FIRST,
    target: async () => ({ from: oldAddress() }),
    args: (t) => [IDLE, csvFile(`${t.from},/,301\n`)],
    probe: (t) => adminView(`/admin/redirects?q=${encodeURIComponent(String(t.from))}`),
  },

  // --- Pages ----------------------------------------------------------------------------------
  ...changesWithForms(PG, EDITORS, 'page:manage', [
    {
      action: 'createPageAction',
      form: 'createPageForm',
      rule: 'pages are managed by editors and admins (page:manage)',
      formRule: 'page:manage, through the form; a new page opens in its editor',
      formOk: /^redirect \/admin\/pages\/\d+\?created=1$/,
      target: async () => ({ title: uniq('Page') }),
      input: (t) => ({ title: t.title, body: doc('Page body') }),
      probe: () => adminView('/admin/pages'),
    },
    {
      action: 'savePageAction',
      form: 'savePageForm',
      target: newPage,
      input: (t) => ({ id: t.id, baseVersion: t.version, title: uniq('Saved page'), body: doc('Saved body') }),
      probe: (t) => adminView(`/admin/pages/${t.id}`),
    },
    { action: 'setPageStatusAction', form: 'setPageStatusForm', target: newPage, input: (t) => ({ id: t.id, status: 'published' }), probe: (t) => adminView(`/admin/pages/${t.id}`) },
    { action: 'deletePageAction', form: 'deletePageForm', target: newPage, input: (t) => ({ id: t.id }), probe: (t) => adminView(`/admin/pages/${t.id}`) },
  ]),

  // --- Users ----------------------------------------------------------------------------------
  ...changesWithForms(U, ADMINS, 'user:manage', [
    {
      action: 'inviteUserAction',
      form: 'inviteUserForm',
      rule: 'staff accounts are managed by admins only (user:manage); editors get 403',
      target: async () => ({ marker: uniq('Invitee') }),
      input: (t) => ({ email: `${String(t.marker).toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.test`, name: t.marker, role: 'admin', password: 'a password 123' }),
      probe: () => adminView('/admin/users'),
    },
    {
      action: 'updateUserDetailsAction',
      form: 'updateUserDetailsForm',
      rule: 'user:manage (admins only)',
      target: newUser,
      input: (t) => ({ id: t.id, name: uniq('Renamed user'), email: `renamed-${process.pid}-${++counter}@example.test` }),
      probe: (t) => adminView(`/admin/users/${t.id}`),
    },
    { action: 'changeUserRoleAction', form: 'changeUserRoleForm', rule: 'user:manage (admins only)', target: newUser, input: (t) => ({ id: t.id, role: 'admin' }), probe: (t) => adminView(`/admin/users/${t.id}`) },
    { action: 'setUserDisabledAction', form: 'setUserDisabledForm', rule: 'user:manage (admins only)', target: newUser, input: (t) => ({ id: t.id, disabled: true }), probe: (t) => adminView(`/admin/users/${t.id}`) },
    {
      action: 'resetUserPasswordAction',
      form: 'resetUserPasswordForm',
      rule: 'user:manage (admins only)',
      target: newUser,
      input: (t) => ({ id: t.id, password: 'taken over 12345' }),
      probe: (t) => adminView(`/admin/users/${t.id}`),
      actionProbe: async (t) => [await adminView(`/admin/users/${t.id}`), (await call('fixtures', 'changeUserRoleAction', [{ id: t.id, role: 'contributor' }])).value],
    },
    {
      action: 'sendInvitationAction',
      form: 'sendInvitationForm',
      rule: 'user:manage (admins only): a colleague invited by mail, who has no password yet, is sent a new link',
      target: invitedUser,
      input: (t) => ({ id: t.id }),
      probe: (t) => adminView(`/admin/users/${t.id}`),
    },
  ]),

  // --- Settings -------------------------------------------------------------------------------
  {
    name: 'saveSettingsAction',
    file: ST,
    rule: 'site settings are for admins only (settings:manage); editors get 403',
    allowed: ADMINS,
    target: async (_caller, allowed) => ({ tagline: allowed ? uniq('Tagline') : uniq('Hijacked tagline') }),
    args: (t) => [settingsInput(String(t.tagline))],
    probe: async () => [await adminView('/admin/settings'), await (await fetch(`${nr.baseURL}/`)).text().then((h) => h.includes(demoSite.tagline))],
    check: async (t) => {
      expect(await (await fetch(`${nr.baseURL}/`)).text()).toContain(String(t.tagline));
      await fixture('saveSettingsAction', [settingsInput(demoSite.tagline)]);
    },
  },
  {
    name: 'saveSettingsForm',
    file: ST,
    rule: 'settings:manage, through the form',
    allowed: ADMINS,
    ok: 'form-ok',
    refused: NO_PERMISSION,
    anonymous: SIGN_IN_FIRST,
    target: async (_caller, allowed) => ({ tagline: allowed ? demoSite.tagline : uniq('Hijacked tagline') }),
    args: (t) => [IDLE, settingsForm(String(t.tagline))],
    probe: async () => [await adminView('/admin/settings'), await (await fetch(`${nr.baseURL}/`)).text().then((h) => h.includes(demoSite.tagline))],
  },

  // --- Topics, 专题 ---------------------------------------------------------------------------
  ...changesWithForms('actions/topics.ts', EDITORS, 'topic:manage', [
    {
      action: 'createTopicAction',
      form: 'createTopicForm',
      rule: 'topics are managed by editors and admins (topic:manage)',
      formRule: 'topic:manage, through the form; a new topic opens on its own screen',
      formOk: /^redirect \/admin\/topics\/\d+\?created=1$/,
      target: async () => ({ title: uniq('Topic') }),
      input: (t) => ({ title: t.title, published: false }),
      probe: () => adminView('/admin/topics'),
    },
    {
      action: 'saveTopicAction',
      form: 'saveTopicForm',
      target: newTopic,
      input: (t) => ({ id: t.id, title: uniq('Renamed topic'), published: false }),
      probe: (t) => adminView(`/admin/topics/${t.id}`),
    },
    {
      action: 'deleteTopicAction',
      form: 'deleteTopicForm',
      formOk: 'redirect /admin/topics?deleted=1',
      target: newTopic,
      input: (t) => ({ id: t.id }),
      probe: () => adminView('/admin/topics'),
    },
  ]),

  // --- Attachments (files listed under a story; uploads go through /api/articles/{id}/attachments) ---
  {
    name: 'removeAttachmentAction',
    file: 'actions/attachments.ts',
    rule: "someone else's draft's file: whoever may edit the story (editors); to others the story does not exist (404)",
    allowed: EDITORS,
    refused: '404',
    target: othersAttachment,
    args: (t) => [{ id: t.id, articleId: t.articleId }],
    probe: (t) => adminView(`/admin/articles/${t.articleId}`).then((html) => html.includes(`/attachments/${t.id}/`)),
  },
  {
    name: 'removeAttachmentForm',
    file: 'actions/attachments.ts',
    rule: 'the same, through the editor page form',
    allowed: EDITORS,
    ok: 'form-ok',
    refused: `form-error: ${L('notFoundArticle')}`,
    anonymous: SIGN_IN_FIRST,
    target: othersAttachment,
    args: (t) => [IDLE, form({ id: String(t.id), articleId: String(t.articleId) })],
    probe: (t) => adminView(`/admin/articles/${t.articleId}`).then((html) => html.includes(`/attachments/${t.id}/`)),
  },

  // --- Sensitive words (administrators keep the list; an allowed call leaves it empty for the other rows) ---
  ...changesWithForms('actions/sensitive-words.ts', ADMINS, 'settings:manage', [
    {
      action: 'saveSensitiveWordsAction',
      form: 'saveSensitiveWordsForm',
      rule: 'the sensitive-word list is the administrators’ (settings:manage); editors get 403',
      target: async (_caller, allowed) => ({ words: allowed ? '' : uniq('劫持词') }),
      input: (t) => ({ words: t.words, block: false }),
      probe: () => adminView('/admin/sensitive-words'),
    },
  ]),

  // --- Own account ----------------------------------------------------------------------------
  {
    name: 'updateProfileAction',
    file: AC,
    rule: 'every signed-in staff member edits their own profile (and only their own: there is no id to pass)',
    allowed: EVERYONE,
    args: (_t, caller) => [{ name: nr.staff[caller]?.name ?? 'Nobody', bio: '' }],
  },
  {
    name: 'setUiLocaleAction',
    file: AC,
    rule: 'every signed-in staff member picks their own admin language',
    allowed: EVERYONE,
    args: () => [{ uiLocale: null }],
  },
  {
    name: 'setEmailNotificationsAction',
    file: AC,
    rule: 'every signed-in staff member turns their own notification mail on or off',
    allowed: EVERYONE,
    args: () => [{ emailNotifications: true }],
  },
  {
    name: 'setEmailNotificationsForm',
    file: AC,
    rule: 'own notification mail, through the form',
    allowed: EVERYONE,
    ok: 'form-ok',
    anonymous: SIGN_IN_FIRST,
    args: () => [IDLE, form({ emailNotifications: 'on' })],
  },
  {
    name: 'changePasswordAction',
    file: AC,
    rule: 'every signed-in staff member changes their own password, after giving the current one (sent wrong here: 422, nothing changes)',
    allowed: EVERYONE,
    ok: '422',
    path: '/admin/account',
    args: () => [{ currentPassword: 'not my current password', newPassword: 'a brand new password' }],
  },
  {
    name: 'updateProfileForm',
    file: AC,
    rule: 'own profile, through the form',
    allowed: EVERYONE,
    ok: 'form-ok',
    anonymous: SIGN_IN_FIRST,
    args: (_t, caller) => [IDLE, form({ name: nr.staff[caller]?.name ?? 'Nobody', bio: '' })],
  },
  {
    name: 'setUiLocaleForm',
    file: AC,
    rule: 'own admin language, through the form',
    allowed: EVERYONE,
    ok: 'form-ok',
    anonymous: SIGN_IN_FIRST,
    args: () => [IDLE, form({ uiLocale: '' })],
  },
  {
    name: 'changePasswordForm',
    file: AC,
    rule: 'own password, through the form (wrong current password: refused, nothing changes)',
    allowed: EVERYONE,
    ok: `form-error: ${L('wrongCurrentPassword')}`,
    anonymous: SIGN_IN_FIRST,
    path: '/admin/account',
    args: () => [IDLE, form({ currentPassword: 'not my current password', newPassword: 'a brand new password' })],
  },
  {
    name: 'signOutAction',
    file: 'actions/sign-out.ts',
    rule: 'anyone may sign out; the answer sends the browser to the sign-in form',
    allowed: EVERYONE,
    ok: 'redirect /admin/login',
    anonymous: 'redirect /admin/login',
    args: () => [],
    // A JWT outlives the sign-out (see the auth tests); sign in again so later rows hold a fresh session.
    check: async (_t, _result, caller) => {
      const account = nr.staff[caller]!;
      cookies[caller as Role] = await sessionCookie(nr.baseURL, account.email, account.password, { localAddress: ADDRESS[caller] });
    },
  },

  // --- Sign-in and first-run setup (public on purpose) ----------------------------------------
  {
    name: 'signInAction',
    file: 'actions/sign-in.ts',
    rule: 'public: the sign-in form; wrong credentials give the same answer to everybody',
    allowed: 'public',
    ok: 'state-error: wrongCredentials',
    path: '/admin/login',
    args: (_t, caller) => [{ error: null }, form({ email: `not-an-account-${caller}@example.test`, password: 'whatever it is' })],
  },
  {
    name: 'requestPasswordResetForm',
    file: 'actions/password.ts',
    rule: 'public: "forgot your password" answers the same whether or not the address has an account',
    allowed: 'public',
    ok: 'form-ok',
    path: '/admin/password',
    args: (_t, caller) => [IDLE, form({ email: `not-an-account-${caller}@example.test` })],
  },
  {
    name: 'setPasswordByLinkForm',
    file: 'actions/password.ts',
    rule: 'public, but only with a live link from a mail: a made-up one sets nothing',
    allowed: 'public',
    ok: `form-error: ${L('passwordLinkInvalid')}`,
    path: `/admin/password/${'A'.repeat(43)}`,
    args: () => [IDLE, form({ token: 'A'.repeat(43), password: 'a password for nobody' })],
  },
  {
    name: 'setupOwnerAction',
    file: 'actions/setup.ts',
    rule: 'public, but only while no account exists: afterwards nobody can create an owner through it',
    allowed: 'public',
    ok: /^state-error: The site already has an owner/,
    target: async () => ({ marker: uniq('Second owner') }),
    args: (t) => [{ error: null }, form({ name: String(t.marker), email: `second-owner-${counter}@example.test`, password: 'second owner password' })],
    check: async (t) => expect(await adminView('/admin/users')).not.toContain(String(t.marker)),
  },

  // --- Webhooks -------------------------------------------------------------------------------
  ...changesWithForms(W, ADMINS, 'webhook:manage', [
    {
      action: 'createWebhookAction',
      form: 'createWebhookForm',
      rule: 'webhooks are managed by administrators only (webhook:manage): their secrets sign what other systems trust',
      formRule: 'webhook:manage, through the form; a new webhook opens on its own screen, which shows its secret',
      formOk: /^redirect \/admin\/webhooks\/\d+\?created=1$/,
      target: async () => ({ url: hookUrl() }),
      input: (t) => ({ url: t.url, events: 'article.published', active: true }),
      // The webhooks by address; the queue counts beside them move on their own as the sender settles
      // deliveries that earlier rows' publishes queued.
      probe: async () => [...(await adminView('/admin/webhooks')).matchAll(/href="\/admin\/webhooks\/(\d+)"[^>]*>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`),
    },
    { action: 'updateWebhookAction', form: 'updateWebhookForm', target: newWebhook, input: (t) => ({ id: t.id, url: hookUrl(), events: 'article.updated', active: false }), probe: (t) => adminView(`/admin/webhooks/${t.id}`) },
    { action: 'deleteWebhookAction', form: 'deleteWebhookForm', target: newWebhook, input: (t) => ({ id: t.id }), probe: (t) => adminView(`/admin/webhooks/${t.id}`) },
    { action: 'regenerateWebhookSecretAction', form: 'regenerateWebhookSecretForm', target: newWebhook, input: (t) => ({ id: t.id }), probe: (t) => adminView(`/admin/webhooks/${t.id}`) },
    { action: 'sendTestWebhookAction', form: 'sendTestWebhookForm', target: newWebhook, input: (t) => ({ id: t.id }), probe: (t) => adminView(`/admin/webhooks/${t.id}`) },
    {
      action: 'resendDeliveryAction',
      form: 'resendDeliveryForm',
      target: newWebhookWithDelivery,
      input: (t) => ({ id: t.id, deliveryId: t.deliveryId }),
      probe: (t) => adminView(`/admin/webhooks/${t.id}`),
    },
  ]),

  // --- The review conversation -----------------------------------------------------------------
  {
    name: 'addArticleCommentAction',
    file: AC2,
    rule: "a note on someone else's draft: whoever sees the story (editors, admins); others do not see it (404)",
    allowed: EDITORS,
    refused: '404',
    target: othersDraft,
    args: (t) => [{ articleId: t.id, body: uniq('Note') }],
    probe: (t) => conversationView(t.id as number),
    check: async (t) => expect(await conversationView(t.id as number)).toContain('data-testid="conversation"'),
  },
  {
    name: 'addArticleCommentForm',
    file: AC2,
    rule: 'a note through the conversation card: the same rule, refused in words',
    allowed: EDITORS,
    ok: 'form-ok',
    refused: `form-error: ${L('notFoundArticle')}`,
    anonymous: SIGN_IN_FIRST,
    target: othersDraft,
    args: (t) => [IDLE, form({ articleId: String(t.id), body: uniq('Note') })],
    probe: (t) => conversationView(t.id as number),
  },

  // --- Notifications (one's own only: there is no id to aim at someone else's) -------------------
  { name: 'markNotificationsReadAction', file: NT, rule: 'every staff member clears their own bell (notification:read)', allowed: EVERYONE, args: () => [{}] },
  { name: 'markNotificationsReadForm', file: NT, rule: 'the bell page\'s button: every staff member, their own', allowed: EVERYONE, ok: 'form-ok', anonymous: SIGN_IN_FIRST, args: () => [IDLE, form({})] },

  // --- Corrections and significant updates -----------------------------------------------------
  {
    name: 'addArticleNoticeAction',
    file: AN,
    rule: "a correction of someone else's published story: whoever may publish it (editors, admins); contributors 403, authors 404",
    allowed: EDITORS,
    refused: noticeRefusal,
    target: othersPublished,
    args: (t) => [{ articleId: t.id, kind: 'correction', note: uniq('Correction') }],
    probe: (t) => noticesView(t.id as number),
    check: async (t) => expect(await noticesView(t.id as number)).toMatch(/Correction|更正/),
  },
  {
    name: 'deleteArticleNoticeAction',
    file: AN,
    rule: "removing a correction of someone else's story: editors and admins; contributors 403, authors 404",
    allowed: EDITORS,
    refused: noticeRefusal,
    target: othersCorrected,
    args: (t) => [{ id: t.noticeId, articleId: t.id }],
    probe: (t) => noticesView(t.id as number),
  },
  {
    name: 'addArticleNoticeForm',
    file: AN,
    rule: 'a correction through the card under the editor: the same rule, refused in words',
    allowed: EDITORS,
    ok: 'form-ok',
    refused: noticeFormRefusal,
    anonymous: SIGN_IN_FIRST,
    target: othersPublished,
    args: (t) => [IDLE, form({ articleId: String(t.id), kind: 'update', note: '' })],
    probe: (t) => noticesView(t.id as number),
  },
  {
    name: 'deleteArticleNoticeForm',
    file: AN,
    rule: 'removing a correction through the card: the same rule, refused in words',
    allowed: EDITORS,
    ok: 'form-ok',
    refused: noticeFormRefusal,
    anonymous: SIGN_IN_FIRST,
    target: othersCorrected,
    args: (t) => [IDLE, form({ id: String(t.noticeId), articleId: String(t.id) })],
    probe: (t) => noticesView(t.id as number),
  },

  // --- Media library --------------------------------------------------------------------------
  {
    name: 'listMediaAction',
    file: M,
    rule: 'every staff member browses the media library (media:upload)',
    allowed: EVERYONE,
    args: () => [{ page: 1 }],
  },
  {
    name: 'mediaUsageAction',
    file: M,
    rule: 'media:upload (every staff member)',
    allowed: EVERYONE,
    target: newMedia,
    args: (t) => [{ id: t.id }],
  },
  {
    name: 'updateMediaAction',
    file: M,
    rule: "alt text and captions are edited by editors and admins (media:manage)",
    allowed: EDITORS,
    target: newMedia,
    args: (t) => [{ id: t.id, alt: uniq('Alt'), caption: '' }],
    probe: (t) => adminView(`/admin/media/${t.id}`),
  },
  {
    name: 'getMediaAction',
    file: M,
    rule: 'media:upload (every staff member): one library item, for the cover field',
    allowed: EVERYONE,
    target: newMedia,
    args: (t) => [{ id: t.id }],
  },
  {
    name: 'rehostImagesAction',
    file: M,
    rule: 'media:upload (every staff member); a private address is one refused image, not a refused call',
    allowed: EVERYONE,
    args: () => [{ images: [{ url: 'http://10.0.0.1/remote.png', alt: '' }] }],
    check: async (_t, result) => expect(result.value).toMatchObject({ ok: true, data: [{ ok: false, failure: 'refused' }] }),
  },
  {
    name: 'applyMediaAltAction',
    file: M,
    rule: 'media:manage (editors and admins): the library alt onto the stories using it',
    allowed: EDITORS,
    target: newMediaWithAlt,
    args: (t) => [{ id: t.id }],
    probe: (t) => adminView(`/admin/media/${t.id}`),
  },
  {
    name: 'applyMediaAltFormAction',
    file: M,
    rule: 'media:manage, through the detail page form (no JS)',
    allowed: EDITORS,
    ok: /^redirect \/admin\/media\/\d+\?applied=0&skipped=0$/,
    refused: mediaError(serverMessage('noPermission')),
    anonymous: mediaError(serverMessage('pleaseSignIn')),
    target: newMediaWithAlt,
    args: (t) => [form({ id: String(t.id) })],
    probe: (t) => adminView(`/admin/media/${t.id}`),
  },
  {
    name: 'deleteMediaAction',
    file: M,
    rule: 'media:manage (editors and admins)',
    allowed: EDITORS,
    target: newMedia,
    args: (t) => [{ id: t.id }],
    probe: (t) => adminView(`/admin/media/${t.id}`),
  },
  {
    name: 'updateMediaFormAction',
    file: M,
    rule: 'media:manage, through the detail page form (no JS): always a redirect back to the item',
    allowed: EDITORS,
    ok: /^redirect \/admin\/media\/\d+\?saved=1$/,
    refused: mediaError(serverMessage('noPermission')),
    anonymous: mediaError(serverMessage('pleaseSignIn')),
    target: newMedia,
    args: (t) => [form({ id: String(t.id), alt: uniq('Alt'), caption: '' })],
    probe: (t) => adminView(`/admin/media/${t.id}`),
  },
  {
    name: 'deleteMediaFormAction',
    file: M,
    rule: 'media:manage, through the detail page form (no JS)',
    allowed: EDITORS,
    ok: 'redirect /admin/media?deleted=1',
    refused: mediaError(serverMessage('noPermission')),
    anonymous: mediaError(serverMessage('pleaseSignIn')),
    target: newMedia,
    args: (t) => [form({ id: String(t.id) })],
    probe: (t) => adminView(`/admin/media/${t.id}`),
  },

  // --- Personal API tokens and the newsroom list the admin API reads ---------------------------
  { name: 'listArticlesAction', file: A, rule: 'every staff member lists what they may see (scoped in the DAL)', allowed: EVERYONE, args: () => [{ status: 'draft' }] },
  { name: 'createApiTokenAction', file: TK, rule: 'every staff member creates their own tokens', allowed: EVERYONE, args: () => [{ name: uniq('CI bot') }] },
  { name: 'listOwnApiTokensAction', file: TK, rule: 'every staff member lists their own tokens', allowed: EVERYONE, args: () => [{}] },
  { name: 'listAllApiTokensAction', file: TK, rule: "everyone's tokens: api-token:revoke-any (admins)", allowed: ADMINS, args: () => [{}] },
  {
    name: 'revokeApiTokenAction',
    file: TK,
    rule: "someone else's token: api-token:revoke-any (admins); to others it does not exist (404)",
    allowed: ADMINS,
    refused: '404',
    target: othersToken,
    args: (t) => [{ id: t.id }],
    probe: tokenState,
  },
  { name: 'createApiTokenForm', file: TK, rule: 'own tokens, through the account page form', allowed: EVERYONE, ok: 'form-ok', anonymous: SIGN_IN_FIRST, args: () => [IDLE, form({ name: uniq('Script'), expiresInDays: '30' })] },
  {
    name: 'revokeApiTokenForm',
    file: TK,
    rule: "someone else's token, through the users page form: admins only",
    allowed: ADMINS,
    ok: 'form-ok',
    refused: `form-error: ${L('notFoundItem')}`,
    anonymous: SIGN_IN_FIRST,
    target: othersToken,
    args: (t) => [IDLE, form({ id: String(t.id) })],
    probe: tokenState,
  },
];

// -------------------------------------------------------------------------------------------------

beforeAll(async () => {
  smtp = await startTestSmtp();
  nr = await startAdmin({
    prefix: 'gazette-permissions-',
    staff: staffRoster(),
    env: { SMTP_URL: smtp.url },
  });
  for (const key of [...ROLES, 'author2'] as const) {
    const account = nr.staff[key]!;
    cookies[key] = await sessionCookie(nr.baseURL, account.email, account.password, { localAddress: ADDRESS[key] });
  }
  const articles = await adminView('/admin/articles');
  const company = demoSections.find((s) => s.slug === 'company')!;
  sectionId = Number(new RegExp(`<option value="(\\d+)">${company.title}</option>`).exec(articles)?.[1]);
  expect(sectionId).toBeGreaterThan(0);
});

afterAll(async () => {
  await nr?.dispose();
  await smtp?.close();
});

describe('every Server Action (actions/) has a row in the matrix', () => {
  it('the build manifest and the matrix list the same actions, and every one lives in actions/', () => {
    const all = listServerActions();
    expect(all.map((a) => a.filename).filter((file) => !file.startsWith('actions/')), 'Server Actions outside actions/').toEqual([]);
    const inBuild = all.map((a) => `${a.filename}#${a.exportedName}`).sort();
    const inMatrix = rows.map((r) => `${r.file}#${r.name}`).sort();
    expect(inBuild.filter((a) => !inMatrix.includes(a)), 'actions of the build without a row here').toEqual([]);
    expect(inMatrix.filter((a) => !inBuild.includes(a)), 'rows for actions the build does not have').toEqual([]);
  });
});

function expectOutcome(actual: string, expected: string | RegExp, label: string) {
  if (typeof expected === 'string') expect(actual, label).toBe(expected);
  else expect(actual, label).toMatch(expected);
}

describe('the permission matrix, over HTTP', () => {
  for (const row of rows) {
    const who = row.allowed === 'public' ? 'public' : row.allowed.join('+');
    it(`${row.name}: ${row.rule} [allowed: ${who}]`, async () => {
      const okOutcome = row.ok ?? 'ok';
      const forged = row.anonymous ?? (typeof okOutcome === 'string' && okOutcome.startsWith('form') ? SIGN_IN_FIRST : '401');
      const mayCall = (caller: Caller) => row.allowed === 'public' || (caller !== 'none' && caller !== 'forged' && row.allowed.includes(caller));
      // Refused callers first: their calls must not change what later, allowed calls work on.
      const order = [...CALLERS.filter((c) => !mayCall(c)), ...CALLERS.filter(mayCall)];
      for (const caller of order) {
        const allowed = mayCall(caller);
        const target = row.target ? await row.target(caller, allowed) : {};
        const before = !allowed && row.probe ? await row.probe(target) : undefined;
        // The audit log is a witness for every refused call: nothing done, nothing logged.
        const auditBefore = allowed ? undefined : await adminView('/admin/audit');
        const result = await call(caller, row.name, row.args(target, caller), row.path);
        const actual = outcome(result);
        const label = `${row.name} as ${caller}`;
        if (process.env.ADMIN_MATRIX_REPORT) console.log(`[matrix] ${row.name.padEnd(28)} ${caller.padEnd(11)} ${allowed ? 'allowed' : 'refused'} → ${actual}`);
        if (allowed) {
          expectOutcome(actual, okOutcome, label);
          await row.check?.(target, result, caller);
          continue;
        }
        if (caller === 'none') {
          // No cookie: proxy.ts sends the request to the sign-in form before the action runs (directly,
          // or inside Next's forwarding: not-run), or the action refuses by itself.
          const refusedItself = typeof forged === 'string' ? actual === forged : forged.test(actual);
          expect(actual === 'not-run' || actual === 'redirect /admin/login' || refusedItself, `${label}: ${actual}`).toBe(true);
        } else if (caller === 'forged') {
          expectOutcome(actual, forged, label);
        } else {
          const refused = typeof row.refused === 'function' ? row.refused(caller) : (row.refused ?? '403');
          expectOutcome(actual, refused, label);
        }
        if (row.probe) expect(await row.probe(target), `${label} changed what it targeted`).toEqual(before);
        expect(await adminView('/admin/audit'), `${label} left a trace in the audit log`).toBe(auditBefore);
      }
    });
  }
});

describe('article rules that depend on ownership and state', () => {
  const transition = (caller: Role | 'author2', id: number, name: string, extra: Record<string, unknown> = {}) => call(caller, 'transitionArticleAction', [{ id, transition: name, ...extra }]);
  const create = async (caller: Role, title = uniq('Own draft')) => {
    const result = await call<{ ok: true; data: { id: number; version: number } }>(caller, 'createArticleAction', [{ title, body: doc(`Body of ${title}`), sectionId }]);
    expect(outcome(result)).toBe('ok');
    return { ...result.value!.data, title };
  };

  it('a contributor cannot publish their own draft (403) and nothing changes; they can submit it, then no longer edit it', async () => {
    const own = await create('contributor');
    const before = await articleView(own.id);
    expect(outcome(await transition('contributor', own.id, 'publish'))).toBe('403');
    expect(outcome(await transition('contributor', own.id, 'schedule', { publishAt: new Date(Date.now() + 3_600_000).toISOString() }))).toBe('403');
    expect(await articleView(own.id)).toBe(before);
    expect(await publicStatus(`/articles/${own.id}`)).toBe(404);

    expect(outcome(await call('contributor', 'saveArticleAction', [{ id: own.id, baseVersion: own.version, values: { title: `${own.title} v2`, body: doc('v2'), sectionId } }]))).toBe('ok');
    const submitted = await transition('contributor', own.id, 'submit', { note: 'Please review' });
    expect(outcome(submitted)).toBe('ok');
    const inReview = JSON.parse(await articleView(own.id)) as { data: { version: number; status: string } };
    expect(inReview.data.status).toBe('in_review');
    const edit = await call('contributor', 'saveArticleAction', [{ id: own.id, baseVersion: inReview.data.version, values: { title: `${own.title} v3`, body: doc('v3'), sectionId } }]);
    expect(outcome(edit)).toBe('403');
    expect(JSON.parse(await articleView(own.id)).data.version).toBe(inReview.data.version);
  });

  it('an author publishes their own draft, which readers then see', async () => {
    const own = await create('author');
    expect(outcome(await transition('author', own.id, 'publish'))).toBe('ok');
    const page = await readerGet(nr.baseURL, `/articles/${own.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(own.title);
  });

  it("an author cannot publish, save, trash or even read someone else's draft (404), and nothing changes", async () => {
    const theirs = await draftBy('author2');
    const before = await articleView(theirs.id);
    expect(outcome(await transition('author', theirs.id, 'publish'))).toBe('404');
    expect(outcome(await transition('author', theirs.id, 'trash'))).toBe('404');
    expect(outcome(await call('author', 'saveArticleAction', [{ id: theirs.id, baseVersion: theirs.version, values: { title: 'Hijacked', body: doc('x'), sectionId } }]))).toBe('404');
    expect(outcome(await call('author', 'loadEditableArticleAction', [{ id: theirs.id }]))).toBe('404');
    expect(await articleView(theirs.id)).toBe(before);
    expect(await publicStatus(`/articles/${theirs.id}`)).toBe(404);
  });

  it("an author cannot unpublish someone else's published article; an editor can", async () => {
    const theirs = await draftBy('author2');
    expect(outcome(await transition('author2', theirs.id, 'publish'))).toBe('ok');
    expect(outcome(await transition('author', theirs.id, 'unpublish'))).toBe('404');
    expect(await publicStatus(`/articles/${theirs.id}`)).toBe(200);
    expect(outcome(await transition('editor', theirs.id, 'unpublish'))).toBe('ok');
    expect(await publicStatus(`/articles/${theirs.id}`)).toBe(404);
  });

  it('bulk actions stay editor-only even on the caller’s own articles', async () => {
    const own = await create('author');
    const before = await articleView(own.id);
    expect(outcome(await call('author', 'bulkTransitionAction', [{ ids: [own.id], transition: 'trash' }]))).toBe('403');
    expect(await articleView(own.id)).toBe(before);
  });

  it('bulk actions refuse an empty or unknown action and an empty selection with a clear error, changing nothing (the server decides, not the menu)', async () => {
    const draft = await create('editor');
    const before = await articleView(draft.id);
    for (const transition of ['', 'delete-everything', undefined]) {
      const result = await call<{ ok: false; status: number; fieldErrors: Record<string, string[]> }>('editor', 'bulkTransitionAction', [{ ids: [draft.id], transition }]);
      expect(outcome(result)).toBe('422');
      expect(result.value!.fieldErrors.transition).toEqual([serverMessage('chooseBulkAction')]);
      expect(outcome(await call('editor', 'bulkArticlesForm', [IDLE, form({ ids: String(draft.id), transition: transition ?? '' })]))).toBe(`form-error: ${L('chooseBulkAction')}`);
    }
    expect(outcome(await call('editor', 'bulkArticlesForm', [IDLE, form({ transition: 'publish' })]))).toBe(`form-error: ${L('selectArticles')}`);
    expect(await articleView(draft.id)).toBe(before);
    expect(await publicStatus(`/articles/${draft.id}`)).toBe(404);
  });

  it('restoring a revision and presence work on one’s own article', async () => {
    const own = await create('author');
    const saved = await call<{ ok: true; data: { version: number } }>('author', 'saveArticleAction', [{ id: own.id, baseVersion: own.version, values: { title: `${own.title} v2`, body: doc('v2'), sectionId } }]);
    const page = await adminView(`/admin/articles/${own.id}/revisions`);
    const first = Math.min(...[...page.matchAll(/revisions\?rev=(\d+)/g)].map((m) => Number(m[1])));
    expect(outcome(await call('author', 'restoreRevisionAction', [{ id: own.id, revisionId: first, baseVersion: saved.value!.data.version }]))).toBe('ok');
    expect(JSON.parse(await articleView(own.id)).data.values.title).toBe(own.title);
    expect(outcome(await call('author', 'heartbeatAction', [{ id: own.id }]))).toBe('ok');
  });
});

describe('media usage (issue 10, item 12)', () => {
  it("a contributor is told that someone else's draft uses an image, never its title; an editor sees the title", async () => {
    const image = await newMedia();
    const title = uniq('Secret draft');
    await fixture('createArticleAction', [{ title, body: doc('Secret body'), sectionId, coverMediaId: image.id }], 'author2');
    const asContributor = await call<{ ok: true; data: { items: unknown[]; others: number } }>('contributor', 'mediaUsageAction', [{ id: image.id }]);
    expect(asContributor.value!.data).toEqual({ items: [], others: 1 });
    expect(asContributor.raw).not.toContain(title);
    const page = await request(`${nr.baseURL}/admin/media/${image.id}`, { headers: { Cookie: cookies.contributor! }, localAddress: ADDRESS.contributor });
    expect(page.status).toBe(200);
    expect(page.text()).not.toContain(title);
    expect(page.text()).toContain('data-testid="usage-others"');
    const asEditor = await call<{ ok: true; data: { items: { title: string }[]; others: number } }>('editor', 'mediaUsageAction', [{ id: image.id }]);
    expect(asEditor.value!.data.items.map((u) => u.title)).toEqual([title]);
  });
});

describe('preview share links (issue 10, item 8)', () => {
  const create = async (caller: Role) => {
    const title = uniq('Shared draft');
    const result = await call<{ ok: true; data: { id: number; version: number } }>(caller, 'createArticleAction', [{ title, body: doc(`Body of ${title}`), sectionId }]);
    expect(outcome(result)).toBe('ok');
    return result.value!.data.id;
  };
  const share = async (caller: Role | 'author2', id: number) => {
    const result = await call<{ ok: true; data: { id: number; path: string; expiresAt: string } }>(caller, 'createPreviewLinkAction', [{ id }]);
    expect(outcome(result)).toBe('ok');
    return result.value!.data;
  };

  it('a new link works for 48 hours; its creator revokes it, it then answers 404, and a second revoke is a clear 409', async () => {
    const id = await create('contributor');
    const link = await share('contributor', id);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(47.9 * 3_600_000);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(48 * 3_600_000);
    expect(await publicStatus(link.path)).toBe(200);
    expect(outcome(await call('contributor', 'revokePreviewLinkAction', [{ linkId: link.id }]))).toBe('ok');
    expect(await publicStatus(link.path)).toBe(404);
    const again = await call<{ ok: false; error: string }>('contributor', 'revokePreviewLinkAction', [{ linkId: link.id }]);
    expect(outcome(again)).toBe('409');
    expect(again.value!.error).toMatch(/already revoked/);
  });

  it('revoke-all ends every link of the article; an author cannot revoke an editor\'s link on their own article (404) but revokes their own', async () => {
    const id = await create('author');
    const mine = await share('author', id);
    const editors = await share('editor', id);
    expect(outcome(await call('author', 'revokePreviewLinkAction', [{ linkId: editors.id }]))).toBe('404');
    expect(await publicStatus(editors.path)).toBe(200);
    const listed = await call<{ ok: true; data: { id: number }[] }>('author', 'listPreviewLinksAction', [{ id }]);
    expect(listed.value!.data.map((l) => l.id)).toEqual([mine.id]);
    const all = await call<{ ok: true; data: { revoked: number } }>('editor', 'revokeAllPreviewLinksAction', [{ id }]);
    expect(all.value!.data.revoked).toBe(2);
    expect(await publicStatus(mine.path)).toBe(404);
    expect(await publicStatus(editors.path)).toBe(404);
  });

  it('a link stops working once its creator may no longer see the article (the draft moved to the trash)', async () => {
    const id = await create('author');
    const link = await share('author', id);
    expect(outcome(await call('author', 'transitionArticleAction', [{ id, transition: 'trash' }]))).toBe('ok');
    expect(await publicStatus(link.path)).toBe(404);
  });

  it('bad input is a 422 that changes nothing', async () => {
    for (const args of [{ linkId: 0 }, { linkId: 'x' }, {}]) expect(outcome(await call('editor', 'revokePreviewLinkAction', [args]))).toBe('422');
    for (const args of [{ id: -1 }, {}]) expect(outcome(await call('editor', 'revokeAllPreviewLinksAction', [args]))).toBe('422');
    expect(outcome(await call('editor', 'revokePreviewLinkAction', [{ linkId: 2_000_000_000 }]))).toBe('404');
  });
});

describe('the client address seen by actions', () => {
  it('failed password checks count against the caller’s own address, even when the action is posted to a page that does not hold it', async () => {
    // Next.js forwards such a request to a page that holds the action, from the server itself.
    const wrong = (who: 'author2' | 'editor', localAddress: string) =>
      callAction(nr.baseURL, 'changePasswordAction', [{ currentPassword: 'not my current password', newPassword: 'a brand new password' }], {
        cookie: cookies[who],
        localAddress,
        path: '/',
      });
    // Ten failures from 127.0.0.81 reach the limit of that account at that address (issue 10, item 2).
    for (let i = 0; i < 10; i++) expect(outcome(await wrong('editor', '127.0.0.81'))).toBe('422');
    expect(outcome(await wrong('editor', '127.0.0.81')), 'the address that failed ten times is limited').toBe('429');
    expect(outcome(await wrong('editor', '127.0.0.82')), 'another address is not').toBe('422');
  });
});

describe("resetting an administrator's password over HTTP (issue 10, item 11)", () => {
  it("needs the acting admin's own current password: without it or with a wrong one 422 and the target's password is unchanged", async () => {
    const marker = uniq('Second admin');
    const email = `${marker.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.test`;
    const target = await fixture<{ id: number }>('inviteUserAction', [{ email, name: marker, role: 'admin', password: 'second admin password' }]);
    const reset = (extra: Record<string, string>) => call('admin', 'resetUserPasswordAction', [{ id: target.id, password: 'taken over 12345', ...extra }]);
    expect(outcome(await reset({}))).toBe('422');
    expect(outcome(await call('admin', 'resetUserPasswordForm', [IDLE, form({ id: String(target.id), password: 'taken over 12345' })]))).toMatch(/^form-error: /);
    expect(outcome(await reset({ currentPassword: 'not the admin password' }))).toBe('422');
    expect((await rawSignIn(nr.baseURL, email, 'taken over 12345', { localAddress: '127.0.0.83' })).cookie).toBeNull();
    expect(outcome(await reset({ currentPassword: nr.staff.admin!.password }))).toBe('ok');
    expect((await rawSignIn(nr.baseURL, email, 'taken over 12345', { localAddress: '127.0.0.83' })).cookie).not.toBeNull();
  });
});

describe('cross-site requests', () => {
  it('a Server Action posted with a foreign Origin is rejected by Next and does nothing', async () => {
    const title = uniq('CSRF');
    const result = await callAction(nr.baseURL, 'createArticleAction', [{ title, body: doc('csrf'), sectionId }], {
      cookie: cookies.contributor,
      origin: 'https://evil.test',
      localAddress: ADDRESS.contributor,
    });
    expect(result.httpStatus).toBe(500);
    expect(result.value).toBeUndefined();
    expect(result.thrown).toBeDefined();
    expect(await adminView(`/admin/articles?q=${encodeURIComponent(title)}`)).not.toContain(`>${title}</a>`);

    const tag = uniq('CSRF tag');
    const viaForm = await callAction(nr.baseURL, 'createTagForm', [IDLE, form({ name: tag })], { cookie: cookies.admin, origin: 'https://evil.test', localAddress: ADDRESS.admin });
    expect(viaForm.httpStatus).toBe(500);
    expect(await adminView(`/admin/tags?q=${encodeURIComponent(tag)}`)).not.toContain(`>${tag}</a>`);
  });
});

describe('the server log', () => {
  it('shows no unexpected error from any action (defineAction logs those as "[action …]" and answers 500)', () => {
    const lines = nr.server.logs().split('\n').filter((line) => line.startsWith('[action '));
    expect(lines).toEqual([]);
  });
});
