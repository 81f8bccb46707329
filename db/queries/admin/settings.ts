import { withTx } from '../../tx';
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '../../client';
import { siteSettings, type NavItem } from '../../schema';
import type { SiteSettingsDTO } from '../dto';
import { DEFAULT_SETTINGS, settingsColumns } from '../public';
import { cacheTags } from '../../../domain/cache-tags';
import { ActionError, forbiddenError } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import type { SettingsInput } from '../../../domain/validation/settings';
import { writeAudit } from './audit';
import { assertNavTargetsAnswer } from './nav-targets';
import type { StaffActor } from './sections';


export interface EditableSettingsDTO extends SiteSettingsDTO {
  /** ISO time of the last save, the form's optimistic lock; null before the first save. */
  updatedAt: string | null;
}

const columns = { ...settingsColumns, updatedAt: siteSettings.updatedAt };

export async function getSettingsForEdit(db: Database): Promise<EditableSettingsDTO> {
  const [row] = await db.select(columns).from(siteSettings).where(eq(siteSettings.id, 1));
  return row ? { ...row, updatedAt: row.updatedAt.toISOString() } : { ...DEFAULT_SETTINGS, updatedAt: null };
}

const FIELDS = ['name', 'tagline', 'hotline', 'logoUrl', 'locale', 'timeZone', 'footerText', 'icp', 'policeFiling', 'reprintTemplate', 'nav', 'feedFullText'] as const;

/** Saves the whole settings form; a save based on an older version is refused with 409. */
export async function saveSettings(db: Database, actor: StaffActor, input: SettingsInput): Promise<{ changed: string[]; updatedAt: string; invalidate: string[] }> {
  if (!can(actor.role, 'settings:manage')) throw forbiddenError();
  return withTx(db, async (t) => {
    const [current] = await t.select(columns).from(siteSettings).where(eq(siteSettings.id, 1)).for('update');
    if (input.baseUpdatedAt !== null && current && current.updatedAt.toISOString() !== input.baseUpdatedAt) {
      throw new ActionError(409, { code: 'settingsStale' });
    }
    const values = {
      name: input.name,
      tagline: input.tagline,
      hotline: input.hotline,
      logoUrl: input.logoUrl,
      locale: input.locale,
      timeZone: input.timeZone,
      footerText: input.footerText,
      icp: input.icp,
      policeFiling: input.policeFiling,
      reprintTemplate: input.reprintTemplate,
      nav: input.nav,
      feedFullText: input.feedFullText,
    };
    const before: SiteSettingsDTO = current ?? DEFAULT_SETTINGS;
    await assertNavTargetsAnswer(t, values.nav, before.nav);
    const changed = FIELDS.filter((field) => canonicalJson(before[field]) !== canonicalJson(values[field]));
    const now = new Date();
    await t
      .insert(siteSettings)
      .values({ id: 1, ...values, updatedAt: now })
      .onConflictDoUpdate({ target: siteSettings.id, set: { ...values, updatedAt: now } });
    await writeAudit(t, { actorId: actor.id, ip: actor.ip, action: 'settings.update', entityType: 'settings', entityId: 1, summary: changed.join(', '), data: { changed } });
    // Every page's header, footer and dates depend on the settings.
    return { changed, updatedAt: now.toISOString(), invalidate: [cacheTags.settings] };
  });
}

/**
 * Points menu entries at a section's new address after a rename; true when the menu changed.
 * Runs inside the caller's transaction (the rename), which owns the audit entry.
 */
export async function retargetNav(tx: Database, fromPath: string, toPath: string): Promise<boolean> {
  const [row] = await tx.select({ nav: siteSettings.nav }).from(siteSettings).where(eq(siteSettings.id, 1)).for('update');
  if (!row) return false;
  let changed = false;
  const nav: NavItem[] = row.nav.map((item) => {
    const [path, rest] = splitHref(item.href);
    if (path !== fromPath && path !== `${fromPath}/`) return item;
    changed = true;
    return { ...item, href: `${toPath}${rest}` };
  });
  if (changed) await tx.update(siteSettings).set({ nav, updatedAt: new Date() }).where(eq(siteSettings.id, 1));
  return changed;
}

/** `/news?page=2#top` → ['/news', '?page=2#top'] */
function splitHref(href: string): [string, string] {
  const cut = href.search(/[?#]/);
  return cut === -1 ? [href, ''] : [href.slice(0, cut), href.slice(cut)];
}

/** JSON with object keys sorted: PostgreSQL's jsonb stores keys in its own order, so a menu read back
 * (`{"href","label"}`) must still equal the same menu typed in (`{"label","href"}`). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
