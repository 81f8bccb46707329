import 'server-only';
import type { CurrentUser } from '../auth/session';
import { adminT } from '../../domain/i18n/admin';
import type { Locale } from '../../domain/i18n/messages';
import { getSettings } from '../reader';

/** The admin speaks the user's chosen language, else the site's. */
export async function adminLocale(user?: CurrentUser | null): Promise<Locale> {
  return user?.uiLocale ?? (await getSettings()).locale;
}

export async function adminTranslator(user?: CurrentUser | null) {
  const locale = await adminLocale(user);
  return { locale, t: adminT(locale) };
}
