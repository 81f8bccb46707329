import 'server-only';

/**
 * A background job that runs once at a time per process (a timer tick arriving while the last run
 * is still going is skipped, not queued), logs a one-line summary when there is one, and logs its
 * failure instead of throwing it at a page or the timer.
 */
export function oneAtATime<A extends unknown[], T>(label: string, work: (...args: A) => Promise<T>, summary: (report: T) => string | null): (...args: A) => Promise<T | null> {
  let running = false;
  return async (...args) => {
    if (running) return null;
    running = true;
    try {
      const report = await work(...args);
      const line = summary(report);
      if (line) console.log(`[gazette] ${label}: ${line}`);
      return report;
    } catch (error) {
      console.error(`[gazette] ${label}: sending failed:`, error instanceof Error ? error.message : error);
      return null;
    } finally {
      running = false;
    }
  };
}
