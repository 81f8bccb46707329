import { withTx } from '../../tx';
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { pages } from '../../schema';
import { cacheTags } from '../../../domain/cache-tags';
import { ActionError, forbiddenError, notFoundError } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import { renderRichText, richTextToPlainText } from '../../../domain/rich-text/render';
import type { RichTextDoc } from '../../../domain/rich-text/schema';
import { pagePath } from '../../../domain/urls';
import type { PageInput } from '../../../domain/validation/page';
import { writeAudit } from './audit';
import { getSiteSettings } from '../public';
import { lockPathNamespace, recordRedirect, resolvePathSlug, type StaffActor } from './sections';

export type PageStatus = 'draft' | 'published';

export interface AdminPageRowDTO {
  id: number;
  slug: string;
  title: string;
  status: PageStatus;
  publishedAt: string | null;
  updatedAt: string;
  sortOrder: number;
  version: number;
}

export interface EditablePageDTO extends AdminPageRowDTO {
  body: RichTextDoc;
  seoTitle: string;
  seoDescription: string;
}

export interface PageWriteResult {
  id: number;
  slug: string;
  version: number;
  status: PageStatus;
  invalidate: string[];
}

const rowColumns = {
  id: pages.id,
  slug: pages.slug,
  title: pages.title,
  status: pages.status,
  publishedAt: pages.publishedAt,
  updatedAt: pages.updatedAt,
  sortOrder: pages.sortOrder,
  version: pages.version,
};

function toRow(row: { publishedAt: Date | null; updatedAt: Date } & Omit<AdminPageRowDTO, 'publishedAt' | 'updatedAt'>): AdminPageRowDTO {
  return { ...row, publishedAt: row.publishedAt?.toISOString() ?? null, updatedAt: row.updatedAt.toISOString() };
}

export async function listPagesForAdmin(db: Database): Promise<AdminPageRowDTO[]> {
  const rows = await db.select(rowColumns).from(pages).orderBy(asc(pages.sortOrder), asc(pages.title), asc(pages.id));
  return rows.map(toRow);
}

export async function getPageForEdit(db: Database, id: number): Promise<EditablePageDTO | null> {
  const [row] = await db
    .select({ ...rowColumns, bodyJson: pages.bodyJson, seoTitle: pages.seoTitle, seoDescription: pages.seoDescription })
    .from(pages)
    .where(eq(pages.id, id));
  if (!row) return null;
  const { bodyJson, seoTitle, seoDescription, ...rest } = row;
  return { ...toRow(rest), body: bodyJson as RichTextDoc, seoTitle: seoTitle ?? '', seoDescription: seoDescription ?? '' };
}

/** A page speaks the site's language (an image credit's words). */
async function contentValues(tx: Database, input: PageInput) {
  return {
    title: input.title,
    bodyJson: input.body,
    bodyHtml: renderRichText(input.body, { locale: (await getSiteSettings(tx)).locale }),
    bodyText: richTextToPlainText(input.body),
    seoTitle: input.seoTitle || null,
    seoDescription: input.seoDescription || null,
    sortOrder: input.sortOrder,
  };
}

async function loadForUpdate(tx: Database, id: number) {
  const [row] = await tx
    .select({ id: pages.id, slug: pages.slug, title: pages.title, status: pages.status, version: pages.version, publishedAt: pages.publishedAt })
    .from(pages)
    .where(eq(pages.id, id))
    .for('update');
  if (!row) throw notFoundError('This page');
  return row;
}

function staleError(currentVersion: number) {
  return new ActionError(409, { code: 'pageStale' }, undefined, { currentVersion });
}

/** New pages start as drafts. */
export async function createPage(db: Database, actor: StaffActor, input: PageInput): Promise<PageWriteResult> {
  if (!can(actor.role, 'page:manage')) throw forbiddenError();
  return withTx(db, async (t) => {
    await lockPathNamespace(t);
    const slug = await resolvePathSlug(t, input.slug, input.title, { kind: 'page' });
    const [row] = await t.insert(pages).values({ ...(await contentValues(t, input)), slug, status: 'draft' }).returning({ id: pages.id, version: pages.version });
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'page.create', entityType: 'page', entityId: row!.id, summary: input.title, data: { slug } });
    return { id: row!.id, slug, version: row!.version, status: 'draft', invalidate: [] };
  });
}

/**
 * Saves an edit made on `baseVersion`; a stale save is refused with 409 and changes nothing.
 * A published page that moves leaves a redirect from its old address.
 */
export async function savePage(db: Database, actor: StaffActor, id: number, baseVersion: number, input: PageInput): Promise<PageWriteResult> {
  if (!can(actor.role, 'page:manage')) throw forbiddenError();
  return withTx(db, async (t) => {
    await lockPathNamespace(t);
    const current = await loadForUpdate(t, id);
    if (current.version !== baseVersion) throw staleError(current.version);
    const slug = await resolvePathSlug(t, input.slug, input.title, { kind: 'page', id }, current.slug);
    const [row] = await t
      .update(pages)
      .set({ ...(await contentValues(t, input)), slug, version: sql`${pages.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pages.id, id), eq(pages.version, baseVersion)))
      .returning({ version: pages.version });
    if (!row) throw staleError(current.version);
    const invalidate = [cacheTags.page(current.slug), cacheTags.page(slug), cacheTags.feeds];
    if (slug !== current.slug && current.status === 'published') {
      await recordRedirect(t, pagePath(current), pagePath({ slug }));
      invalidate.push(cacheTags.redirects);
    }
    await writeAudit(t, {
      actorId: actor.id,
      ip: actor.ip,
      action: 'page.update',
      entityType: 'page',
      entityId: id,
      summary: input.title,
      data: { version: row.version, slug: slug !== current.slug ? { from: current.slug, to: slug } : undefined },
    });
    return { id, slug, version: row.version, status: current.status, invalidate: [...new Set(invalidate)] };
  });
}

/** Publishing twice changes nothing; the first publish time is kept when a page is republished. */
export async function setPageStatus(db: Database, actor: StaffActor, id: number, status: PageStatus, baseVersion?: number): Promise<PageWriteResult> {
  if (!can(actor.role, 'page:manage')) throw forbiddenError();
  return withTx(db, async (t) => {
    const current = await loadForUpdate(t, id);
    if (baseVersion !== undefined && current.version !== baseVersion) throw staleError(current.version);
    if (current.status === status) return { id, slug: current.slug, version: current.version, status, invalidate: [] };
    const [row] = await t
      .update(pages)
      .set({ status, publishedAt: status === 'published' ? (current.publishedAt ?? new Date()) : current.publishedAt, version: sql`${pages.version} + 1`, updatedAt: new Date() })
      .where(eq(pages.id, id))
      .returning({ version: pages.version });
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: status === 'published' ? 'page.publish' : 'page.unpublish', entityType: 'page', entityId: id, summary: current.title });
    return { id, slug: current.slug, version: row!.version, status, invalidate: [cacheTags.page(current.slug), cacheTags.feeds] };
  });
}

export async function deletePage(db: Database, actor: StaffActor, id: number): Promise<PageWriteResult> {
  if (!can(actor.role, 'page:manage')) throw forbiddenError();
  return withTx(db, async (t) => {
    const current = await loadForUpdate(t, id);
    await t.delete(pages).where(eq(pages.id, id));
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'page.delete', entityType: 'page', entityId: id, summary: current.title, data: { slug: current.slug } });
    return { id, slug: current.slug, version: current.version, status: current.status, invalidate: [cacheTags.page(current.slug), cacheTags.feeds] };
  });
}
