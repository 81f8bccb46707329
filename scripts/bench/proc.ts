/**
 * Child-process bookkeeping: process-tree memory from /proc, killing a
 * process tree we started, and cleanup on exit / SIGINT / SIGTERM.
 */
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { log, sleep } from "./util.js";

type CleanupFn = () => Promise<void> | void;

const asyncCleanups: CleanupFn[] = [];
const detachedPids = new Set<number>();
let cleaning: Promise<void> | null = null;

/** Register an async cleanup step (run in reverse order of registration). */
export function onCleanup(fn: CleanupFn): void {
  asyncCleanups.push(fn);
}

/** Run all cleanup steps once; later calls wait for the same run. */
export function runCleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (asyncCleanups.length > 0) {
      const fn = asyncCleanups.pop();
      try {
        await fn?.();
      } catch (err) {
        log("cleanup step failed:", err instanceof Error ? err.message : err);
      }
    }
  })();
  return cleaning;
}

/** Install SIGINT/SIGTERM/SIGHUP handlers and a last-resort synchronous kill on exit. */
export function installSignalHandlers(): void {
  const handle = (signal: NodeJS.Signals, code: number) => {
    process.once(signal, () => {
      log(`received ${signal}, stopping servers...`);
      // A second signal while cleaning up exits at once (the exit hook still kills the groups).
      process.once(signal, () => process.exit(code));
      void runCleanup().finally(() => process.exit(code));
    });
  };
  handle("SIGINT", 130);
  handle("SIGTERM", 143);
  handle("SIGHUP", 129);
  process.on("exit", () => {
    for (const pid of detachedPids) killGroupOrPid(pid, "SIGKILL");
  });
}

/** Remember a detached child (leader of its own process group) for the exit hook. */
export function trackDetached(pid: number): void {
  detachedPids.add(pid);
}

function killGroupOrPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal); // the whole process group (child was spawned detached)
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid ...": comm may contain spaces or parens, so split after the last ')'
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[1]);
  } catch {
    return null;
  }
}

/** The pid and all of its live descendants (Linux /proc). */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [rootPid];
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const ppid = parentOf(pid);
    if (ppid === null) continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const out: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0 && out.length < 10_000) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

export interface TreeMemory {
  /** Sum of VmRSS over the process tree, KiB. */
  rssKb: number;
  /** Sum of VmHWM (per-process peak RSS) over the tree, KiB: an upper bound of the tree's peak. */
  peakKb: number;
  processes: { pid: number; name: string; rssKb: number; peakKb: number }[];
}

function statusField(status: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status);
  return m ? Number(m[1]) : 0;
}

export function treeMemory(rootPid: number): TreeMemory {
  const result: TreeMemory = { rssKb: 0, peakKb: 0, processes: [] };
  for (const pid of processTree(rootPid)) {
    let status: string;
    try {
      status = readFileSync(`/proc/${pid}/status`, "utf8");
    } catch {
      continue;
    }
    const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?";
    const rssKb = statusField(status, "VmRSS");
    const peakKb = statusField(status, "VmHWM");
    result.rssKb += rssKb;
    result.peakKb += peakKb;
    result.processes.push({ pid, name, rssKb, peakKb });
  }
  return result;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stop a child we spawned with `detached: true` (so it leads its own process
 * group): SIGTERM the group, wait up to graceMs for the child to exit, then
 * SIGKILL the group and any descendant that had moved to another group.
 */
export async function stopProcessTree(child: ChildProcess, graceMs = 8_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const running = child.exitCode === null && child.signalCode === null;
  const tree = running ? processTree(pid) : [];
  if (running) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    killGroupOrPid(pid, "SIGTERM");
    await Promise.race([exited, sleep(graceMs)]);
  }
  killGroupOrPid(pid, "SIGKILL");
  for (const p of tree) {
    if (p === pid || !alive(p)) continue;
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // gone
    }
  }
  detachedPids.delete(pid);
}
