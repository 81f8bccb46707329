/** Runs once per server process: migrate, and fill an empty database with the demo publication. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startUp } = await import('./lib/startup');
  await startUp();
}
