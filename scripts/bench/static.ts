/**
 * The "static ceiling": the article HTML served as a static file by nginx
 * (one worker, comparable to the single Node process), or by a tiny Node
 * http server when nginx is not installed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import { onCleanup, stopProcessTree, trackDetached } from "./proc.js";
import { freePort, httpRequest, log, makeTempDir, removeDir, runCommand, sleep, tailOfFile, which } from "./util.js";

export interface StaticServer {
  kind: "nginx" | "node-http";
  /** Human label, e.g. "nginx 1.22.1 (worker_processes 1)". */
  label: string;
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/** The main nginx.conf of a bench nginx: one worker, everything under `dir`, `http` holding `httpBody`. */
export function nginxMainConf(dir: string, httpBody: string): string {
  const p = (name: string) => path.join(dir, name);
  return `daemon off;
worker_processes 1;
pid ${p("nginx.pid")};
error_log ${p("error.log")} warn;
events {
  worker_connections 1024;
}
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path ${p("client_body")};
  proxy_temp_path ${p("proxy")};
  fastcgi_temp_path ${p("fastcgi")};
  uwsgi_temp_path ${p("uwsgi")};
  scgi_temp_path ${p("scgi")};
${httpBody}
}
`;
}

export function nginxConf(dir: string, port: number): string {
  return nginxMainConf(
    dir,
    `  default_type text/html;
  server {
    listen 127.0.0.1:${port};
    root ${path.join(dir, "www")};
    location / {
      try_files /index.html =404;
    }
  }`,
  );
}

async function waitUntilServing(origin: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const res = await httpRequest(`${origin}/`, { timeoutMs: 2_000 });
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

async function startNginx(html: Buffer, dir: string): Promise<StaticServer | null> {
  const www = path.join(dir, "www");
  mkdirSync(www, { recursive: true });
  // nginx workers run as an unprivileged user when started as root: make the files readable.
  chmodSync(dir, 0o755);
  chmodSync(www, 0o755);
  writeFileSync(path.join(www, "index.html"), html, { mode: 0o644 });
  return spawnNginx(dir, (port) => nginxConf(dir, port));
}

/**
 * Starts nginx (when installed) on a free port with the configuration `conf(port)` written into `dir`;
 * null when it is not installed or does not start (the reason is logged).
 */
export async function spawnNginx(dir: string, conf: (port: number) => string, what = "worker_processes 1"): Promise<StaticServer | null> {
  const bin = which("nginx");
  if (!bin) return null;
  const version = await runCommand(bin, ["-v"], { timeoutMs: 5_000 });
  const v = /nginx\/(\S+)/.exec(version.stderr + version.stdout)?.[1] ?? "?";
  const port = await freePort();
  const confFile = path.join(dir, "nginx.conf");
  writeFileSync(confFile, conf(port));
  // -e: early error log before the config is read (so /var/log is never touched)
  const out = openSync(path.join(dir, "nginx.out"), "a");
  const child = spawn(bin, ["-e", path.join(dir, "error.log"), "-c", confFile, "-p", `${dir}/`], {
    stdio: ["ignore", out, out],
    detached: true,
  });
  closeSync(out);
  if (child.pid === undefined) return null;
  trackDetached(child.pid);
  const stop = () => stopProcessTree(child, 3_000);
  onCleanup(stop);
  const origin = `http://127.0.0.1:${port}`;
  if (!(await waitUntilServing(origin, child, 10_000))) {
    log(`nginx did not start:\n${tailOfFile(path.join(dir, "nginx.out"))}\n${tailOfFile(path.join(dir, "error.log"))}`);
    await stop();
    return null;
  }
  return { kind: "nginx", label: `nginx ${v} (${what})`, origin, pid: child.pid, stop };
}

/** Single-process Node server that returns the page from memory (fallback ceiling). */
const NODE_STATIC_SERVER = `
const http = require("node:http");
const fs = require("node:fs");
const body = fs.readFileSync(process.argv[1]);
http
  .createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
    res.end(body);
  })
  .listen(Number(process.argv[2]), "127.0.0.1");
`;

async function startNodeStatic(html: Buffer, dir: string, why: string): Promise<StaticServer> {
  const port = await freePort();
  const file = path.join(dir, "index.html");
  writeFileSync(file, html);
  // A separate process, so it never shares an event loop with an in-process load generator.
  const child = spawn(process.execPath, ["-e", NODE_STATIC_SERVER, file, String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  if (child.pid === undefined) throw new Error("could not spawn the Node static server");
  trackDetached(child.pid);
  const stop = () => stopProcessTree(child, 3_000);
  onCleanup(stop);
  const origin = `http://127.0.0.1:${port}`;
  if (!(await waitUntilServing(origin, child, 10_000))) {
    await stop();
    throw new Error("the Node static server did not start");
  }
  return {
    kind: "node-http",
    label: `Node ${process.version} http server from memory, 1 process (${why})`,
    origin,
    pid: child.pid,
    stop,
  };
}

/**
 * Serve `html` at "/" with nginx if available (unless BENCH_STATIC=node), else
 * with Node. Uses its own world-readable temp dir (nginx workers drop root).
 */
export async function startStaticServer(html: Buffer): Promise<StaticServer> {
  const dir = makeTempDir("gazette-bench-static-");
  onCleanup(() => removeDir(dir));
  let why = "BENCH_STATIC=node";
  if ((process.env.BENCH_STATIC ?? "").toLowerCase() !== "node") {
    const nginx = await startNginx(html, dir);
    if (nginx) return nginx;
    why = which("nginx") ? "nginx failed to start" : "nginx not installed";
    log(`${why}: using a Node http server for the static ceiling`);
  }
  return startNodeStatic(html, dir, why);
}
