import 'server-only';
import type { Metadata } from 'next';
import { adminTranslator } from './locale';
import { requirePageUser } from '../auth/session';
import { editorT, type EditorTranslator } from '../../domain/i18n/admin-editor';
import type { AdminTranslator } from '../../domain/i18n/admin';
import { manageT, type ManageTranslator } from '../../domain/i18n/admin-manage';
import { can, type Permission } from '../../domain/permissions';

interface AdminTitles {
  t: AdminTranslator;
  mt: ManageTranslator;
  et: EditorTranslator;
}

/** "文章 · 管理后台" / "Articles · Newsroom": the one rule for an admin page's title. */
function adminTitle(t: AdminTranslator, pageTitle: string): string {
  return `${pageTitle} · ${t('admin')}`;
}

/**
 * A staff page's <title> in the signed-in user's UI language. Whole (`absolute`), not through the
 * layout's template, because Next applies a template only below its own segment, and the dashboard
 * (app/admin/(signed-in)/page.tsx) shares the layout's. The user lookup is cached per request.
 * Without the page's permission the page answers 404, and its title must not name the screen either.
 */
export async function adminPageMetadata(permission: Permission | null, pick: (titles: AdminTitles) => string): Promise<Metadata> {
  const user = await requirePageUser();
  if (permission && !can(user.role, permission)) return {};
  const { t, locale } = await adminTranslator(user);
  return { title: { absolute: adminTitle(t, pick({ t, mt: manageT(locale), et: editorT(locale) })) } };
}

/** For the pages that set a plain title themselves (the article editor): the same rule as a template. */
export async function adminLayoutMetadata(): Promise<Metadata> {
  const { t } = await adminTranslator(await requirePageUser());
  return { title: { template: adminTitle(t, '%s'), default: t('admin') } };
}
