import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer, tempDataDir, type RunningServer } from '../helpers/server';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    databaseKind: 'pglite' | 'postgres';
  }
}

let server: RunningServer | undefined;
let database: TestDatabase | undefined;
let dataDir: string | undefined;

/** One production server with the demo publication for the whole e2e run. */
export async function setup(project: TestProject) {
  dataDir = tempDataDir('gazette-e2e-');
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase({ migrate: false });
    await database.close(); // the server owns the connection; we keep only the name to drop it
  }
  server = await startServer({ dataDir, databaseUrl: database?.url });
  project.provide('baseURL', server.baseURL);
  project.provide('databaseKind', database ? 'postgres' : 'pglite');
}

export async function teardown() {
  await server?.stop();
  await database?.drop().catch(() => {});
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
