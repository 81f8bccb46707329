/**
 * What may reach the server log of an unexpected error (issue 10, item 16). Database errors carry
 * the statement and its bound values (postgres.js: `query`, `parameters`, `args`; Drizzle's
 * DrizzleQueryError: `query`, `params`, and both in its message), and a constraint error's
 * `detail` names the conflicting value: an email, a password hash, a token. The log keeps the
 * kind of error, its code and where it happened; values are left out.
 */

const EMAIL = /[^\s@/\\()<>"',;:=[\]]+@[^\s@/\\()<>"',;:=[\]]+\.[^\s@/\\()<>"',;:=[\]]+/g;
const HASH = /\$argon2(?:id|i|d)\$[^\s"',)]+/g;
/** PostgreSQL's "Key (email)=(a@b.test) already exists." and "Failing row contains (…)." */
const KEY_VALUE = /(Key \([^)]*\)=)\((?:[^()]|\([^()]*\))*\)/g;
const FAILING_ROW = /(Failing row contains )\([\s\S]*\)/g;
/** Drizzle's "Failed query: <sql>\nparams: <values>". */
const FAILED_QUERY = /Failed query:[\s\S]*/;

/** Emails, password hashes and constraint values in a text replaced by placeholders. */
export function redactText(text: string): string {
  return text.replace(FAILED_QUERY, 'Failed query (statement and values not logged)').replace(KEY_VALUE, '$1(…)').replace(FAILING_ROW, '$1(…)').replace(HASH, '[hash]').replace(EMAIL, '[email]');
}

/** The fields of a PostgreSQL error that describe the error, not the data. */
const SAFE_FIELDS = ['code', 'severity', 'routine', 'constraint_name', 'constraint', 'table_name', 'table', 'column_name', 'column', 'schema_name', 'schema'] as const;

/**
 * A loggable text for any thrown value: name, message, the safe fields, the stack frames and the
 * chain of causes, every text redacted; never `query`, `parameters`, `params`, `args` or values.
 */
export function redactForLog(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) {
    if (error && typeof error === 'object') return `[non-error object: ${redactText(String((error as { message?: unknown }).message ?? Object.prototype.toString.call(error)))}]`;
    return redactText(String(error));
  }
  const record = error as unknown as Record<string, unknown>;
  const fields = SAFE_FIELDS.filter((f) => typeof record[f] === 'string' || typeof record[f] === 'number').map((f) => `${f}=${redactText(String(record[f]))}`);
  if (typeof record.detail === 'string') fields.push(`detail=${redactText(record.detail)}`);
  // Drizzle's DrizzleQueryError keeps the name 'Error'; its class says more.
  const name = error.name === 'Error' && error.constructor?.name ? error.constructor.name : error.name;
  const head = `${name}: ${redactText(error.message)}${fields.length ? ` [${fields.join(' ')}]` : ''}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => redactText(line));
  const cause = error.cause !== undefined && depth < 4 ? `\nCaused by: ${redactForLog(error.cause, depth + 1)}` : '';
  return [head, ...frames].join('\n') + cause;
}
