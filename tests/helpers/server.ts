import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface RunningServer {
  baseURL: string;
  port: number;
  process: ChildProcess;
  logs: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function tempDataDir(prefix = 'gazette-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface ServerOptions {
  dataDir?: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  /** The script to run, relative to the project: `npm start`'s by default, or the standalone output's. */
  entry?: string;
  /** The working directory (the project by default); DATA_DIR is absolute either way. */
  cwd?: string;
}

/** `npm start` of the production build on its own port and database; resolves once healthy. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const entry = path.join(root, options.entry ?? 'scripts/start.mjs');
  if (!fs.existsSync(path.join(root, '.next/BUILD_ID'))) throw new Error('No production build: run `npm run build` first.');
  if (!fs.existsSync(entry)) throw new Error(`No ${options.entry}: build with \`STANDALONE=1 npm run build\` first.`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SITE_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    // Production on PostgreSQL starts empty by default; the tests read the demo publication.
    SEED_DEMO: '1',
    // Rendering every story ahead of readers (ADR 0016) would turn the first visits tests make into
    // hits: off, but where a test turns it on.
    PAGE_WARM: '0',
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) {
    env.DATABASE_URL = options.databaseUrl;
    // Production on PostgreSQL requires a secret (PGlite generates one in its data folder).
    env.AUTH_SECRET = options.env?.AUTH_SECRET ?? 'e2e-test-secret-that-is-long-enough-0123456789';
  }
  env.DATA_DIR = options.dataDir ?? tempDataDir();
  let output = '';
  // Its own process group, so that a SIGKILL takes next-server down with start.mjs (a SIGKILL cannot
  // be forwarded, and an orphaned server would keep running against a database the test dropped).
  const child = spawn(process.execPath, [entry], { cwd: options.cwd ?? root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Server did not become healthy in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseURL,
    port,
    process: child,
    logs: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) {
        if (signal === 'SIGKILL') killGroup(child);
        else child.kill(signal);
      }
      const timer = setTimeout(() => killGroup(child), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
