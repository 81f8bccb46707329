/** Runs once per server process: check the configuration, migrate, and fill an empty database with the demo publication. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // Before anything reads a setting: invalid configuration stops the start with every problem named.
  const { assertConfig } = await import('./domain/config.mjs');
  assertConfig();
  // View counting first: its flush-on-SIGTERM must be in place even when the database is slow to come up.
  const { startViewsAtBoot } = await import('./services/views/start');
  startViewsAtBoot();
  const { connectServerEntry } = await import('./services/server-hooks');
  connectServerEntry();
  const { startRedirectHitCounting } = await import('./services/redirect-hits');
  startRedirectHitCounting();
  const { startUp } = await import('./services/startup');
  await startUp();
}
