import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAdmin, staffCookie, startAdmin, type AdminServer } from '../helpers/admin';

/**
 * Issue 14, "take everything out again": the owner downloads the whole site from the admin as the
 * NDJSON `npm run import` reads back; nobody else can, and the download is audited.
 */

let nr: AdminServer;

beforeAll(async () => {
  nr = await startAdmin({ prefix: 'gazette-export-', staff: [{ key: 'owner', role: 'admin', owner: true }, { key: 'admin', role: 'admin' }] });
}, 240_000);

afterAll(() => closeAdmin(nr));

describe('the site export in the admin', () => {
  it('gives the owner the whole site as NDJSON: a header, every kind of record, no password hashes, and a closing count', async () => {
    const res = await fetch(`${nr.baseURL}/admin/export`, { headers: { Cookie: await staffCookie(nr, 'owner') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="gazette-export-\d{4}-\d{2}-\d{2}\.ndjson"$/);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    const text = await res.text();
    expect(text).not.toMatch(/\$argon2|password_?hash/i);
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as { type?: string; format?: string; counts?: Record<string, number> });
    expect(lines[0]).toMatchObject({ format: 'gazette-export', version: 1 });
    const end = lines.at(-1)!;
    expect(end.type).toBe('end');
    const types = new Set(lines.slice(1, -1).map((l) => l.type));
    for (const type of ['settings', 'user', 'section', 'tag', 'article', 'page']) expect(types, type).toContain(type);
    // The closing count is what the file holds: a cut-off download is refused by the import.
    for (const [type, count] of Object.entries(end.counts!)) expect(lines.filter((l) => l.type === type).length, type).toBe(count);
  }, 120_000);

  it('is the owner’s alone: another administrator and a visitor get 404', async () => {
    expect((await fetch(`${nr.baseURL}/admin/export`, { headers: { Cookie: await staffCookie(nr, 'admin') } })).status).toBe(404);
    const anonymous = await fetch(`${nr.baseURL}/admin/export`, { redirect: 'manual' });
    expect([302, 303, 307, 404]).toContain(anonymous.status);
  }, 60_000);
});
