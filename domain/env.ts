import path from 'node:path';
import { config } from './config.mjs';

/**
 * The validated configuration (domain/config.mjs), keyed by variable name. Kept under this name for
 * the app's callers; every rule lives in domain/config.mjs.
 */
export const env = config;

/** Where PGlite, the generated secret and uploads live. */
export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), config().DATA_DIR);
}

/** The public origin used in canonical links, feeds and the reprint line; no trailing slash. */
export function siteUrl(): string {
  return config().SITE_URL ?? `http://localhost:${config().PORT}`;
}

/** The admin's origin, for links in mail: AUTH_URL when the admin has its own, else the site's. */
export function adminUrl(): string {
  return config().AUTH_URL ?? siteUrl();
}

/** Whether the site mails anything (SMTP_URL is set). */
export function mailEnabled(): boolean {
  return Boolean(config().SMTP_URL);
}
