import 'server-only';
import { getSettings } from './reader';

/**
 * The OpenGraph fields every reader page carries. Next merges a page's metadata over the layout's
 * one top-level key at a time, so a page that sets `openGraph` must repeat these.
 */
export async function siteOpenGraph(): Promise<{ siteName: string; locale: string }> {
  const settings = await getSettings();
  return { siteName: settings.name, locale: settings.locale.replace('-', '_') };
}
