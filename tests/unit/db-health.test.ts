import net from 'node:net';
import { DrizzleQueryError, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { isConnectionError } from '@/services/db-health.mjs';

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** postgres.js connection errors look like this (see postgres/src/errors.js `connection`). */
function postgresJsConnectionError(code: string): Error {
  return Object.assign(new Error(`write ${code} 127.0.0.1:5432`), { code, errno: code, address: '127.0.0.1', port: 5432 });
}

function uniqueViolation(): Error {
  return new postgres.PostgresError({
    message: 'duplicate key value violates unique constraint "articles_slug_key"',
    code: '23505',
    severity: 'ERROR',
    detail: 'Key (slug)=(hello) already exists.',
    constraint_name: 'articles_slug_key',
  } as never);
}

describe('isConnectionError', () => {
  it('recognises a real ECONNREFUSED from the driver, wrapped by drizzle in `cause`', async () => {
    const port = await closedPort();
    const client = postgres(`postgres://nobody@127.0.0.1:${port}/none`, { max: 1, connect_timeout: 2, onnotice: () => {} });
    const db = drizzle(client);
    let caught: unknown;
    try {
      await db.execute(sql`select 1`);
    } catch (error) {
      caught = error;
    } finally {
      await client.end({ timeout: 1 });
    }
    expect(caught).toBeInstanceOf(Error);
    // drizzle's wrapper says "Failed query"; the driver error is underneath.
    expect((caught as Error).message).not.toMatch(/ECONNREFUSED/);
    expect(isConnectionError(caught)).toBe(true);
  });

  it('recognises ECONNREFUSED by code, by message, and nested several causes deep', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isConnectionError(refused)).toBe(true);
    expect(isConnectionError({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isConnectionError(new Error('wrapper', { cause: refused }))).toBe(true);
    expect(isConnectionError(new Error('a', { cause: new Error('b', { cause: new Error('c', { cause: refused }) }) }))).toBe(true);
    // AggregateError-style refusal from Node's happy-eyeballs: the code is on the outer error.
    expect(isConnectionError(Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }))).toBe(true);
  });

  it('recognises postgres.js CONNECT_TIMEOUT and closed connections', () => {
    expect(isConnectionError(postgresJsConnectionError('CONNECT_TIMEOUT'))).toBe(true);
    expect(isConnectionError(postgresJsConnectionError('CONNECTION_CLOSED'))).toBe(true);
    expect(isConnectionError(postgresJsConnectionError('CONNECTION_ENDED'))).toBe(true);
    expect(isConnectionError(new DrizzleQueryError('select 1', [], postgresJsConnectionError('CONNECT_TIMEOUT')))).toBe(true);
  });

  it('recognises server shutdown and start-up messages', () => {
    expect(isConnectionError(new Error('terminating connection due to administrator command'))).toBe(true);
    expect(isConnectionError(new Error('the database system is starting up'))).toBe(true);
  });

  it('does not treat a unique violation (or other query errors) as a connection error', () => {
    expect(isConnectionError(uniqueViolation())).toBe(false);
    expect(isConnectionError(new DrizzleQueryError('insert into "articles" ("slug") values ($1)', ['hello'], uniqueViolation()))).toBe(false);
    expect(isConnectionError(Object.assign(new Error('relation "nope" does not exist'), { code: '42P01' }))).toBe(false);
    expect(isConnectionError(new Error('canceling statement due to statement timeout'))).toBe(false);
  });

  it('returns false for non-errors and stops on cyclic causes', () => {
    expect(isConnectionError(undefined)).toBe(false);
    expect(isConnectionError(null)).toBe(false);
    expect(isConnectionError('boom')).toBe(false);
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(isConnectionError(a)).toBe(false);
  });

  // PRODUCT BUG: the regex runs over drizzle's DrizzleQueryError message, which embeds the query
  // parameters ("Failed query: …\nparams: …"). A query that fails for any reason while one of its
  // parameters (a slug, a title, a redirect path) contains e.g. "econnreset" is classed as a
  // connection failure, and the reader then marks the database as down.
  it('does not mistake user data in the failed query\'s parameters for a connection error', () => {
    const statementTimeout = new postgres.PostgresError({
      message: 'canceling statement due to statement timeout',
      code: '57014',
      severity: 'ERROR',
    } as never);
    expect(isConnectionError(statementTimeout)).toBe(false);
    const error = new DrizzleQueryError(
      'select "id", "slug", "name", "description" from "tags" where "tags"."slug" = $1',
      ['fixing-econnreset-in-node'],
      statementTimeout,
    );
    expect(isConnectionError(error)).toBe(false);
  });
});
