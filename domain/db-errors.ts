/** Deadlock and serialization failure: PostgreSQL rolled the transaction back, and a retry may pass. */
const TRANSIENT_CONFLICTS = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

export function isTransientConflict(error: unknown): boolean {
  return TRANSIENT_CONFLICTS.has(pgErrorCode(error) ?? '');
}

/** A unique index refused the row (SQLSTATE 23505): a name or slug someone else just took. */
export function isUniqueViolation(error: unknown): boolean {
  // The text is a fallback for an error wrapped deeper than pgErrorCode looks.
  return pgErrorCode(error) === '23505' || String((error as Error | undefined)?.message).includes('duplicate key');
}

/** The SQLSTATE of a database error, which Drizzle wraps in its own error as `cause`. */
export function pgErrorCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/**
 * Runs a DAL call again when PostgreSQL aborted its transaction for a deadlock or a serialization
 * failure (two editors merging tags while a third saves an article, say): the transaction left
 * nothing behind, so running it again is safe, and the caller gets an answer instead of a 500.
 */
export async function retryTransientConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isTransientConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}
