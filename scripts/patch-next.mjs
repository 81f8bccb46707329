#!/usr/bin/env node
// Runs after `npm install` / `npm ci` (package.json "postinstall"). One fix to Next.js 16.4's
// compiled server, applied in place and idempotently:
//
// IncrementalCache.set measures every value it stores with `JSON.stringify(value).length`, but only
// uses the figure for the fetch cache's 2 MB limit. For a rendered page the value holds the RSC
// payload and segment data as Buffers, and JSON.stringify turns each byte of a Buffer into a number
// in an array: about 1 ms of CPU and a few hundred KB of garbage per page stored, on every uncached
// page render (an archive crawl is nothing else). The patch measures fetch-cache values only, which
// is the only case that reads the figure. See docs/decisions/0010-uncached-render-cost.md.
//
// When Next.js is upgraded and the code no longer matches, nothing is changed and this says so;
// tests/unit/next-patch.test.ts fails until the patch is updated or dropped.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const MEASURE = /let ([a-z])=JSON\.stringify\(t\)\.length;if\(r\.fetchCache&&\1>2097152/g;
const PATCHED = /let ([a-z])=r\.fetchCache\?JSON\.stringify\(t\)\.length:0;if\(r\.fetchCache&&\1>2097152/;

/** The compiled server files of the installed Next.js that hold IncrementalCache. */
export function nextServerFiles(root = process.cwd()) {
  let nextDir;
  try {
    nextDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('next/package.json'));
  } catch {
    return [];
  }
  const compiled = path.join(nextDir, 'dist', 'compiled', 'next-server');
  const files = fs.existsSync(compiled) ? fs.readdirSync(compiled).filter((f) => f.endsWith('.prod.js')).map((f) => path.join(compiled, f)) : [];
  return [...files, path.join(nextDir, 'dist', 'server', 'lib', 'incremental-cache', 'index.js')].filter((f) => fs.existsSync(f));
}

/** Patches `source`; returns the new text and how many places changed, or were already patched. */
export function patchSource(source) {
  let changed = 0;
  const text = source.replace(MEASURE, (_, v) => {
    changed += 1;
    return `let ${v}=r.fetchCache?JSON.stringify(t).length:0;if(r.fetchCache&&${v}>2097152`;
  });
  return { text, changed, alreadyPatched: PATCHED.test(source) };
}

/** The uncompiled IncrementalCache (dist/server/lib/incremental-cache) spells the same line out. */
const READABLE = 'const itemSize = JSON.stringify(data).length;';
const READABLE_PATCHED = 'const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;';

export function patchNext(root = process.cwd()) {
  const report = { patched: 0, already: 0, files: 0 };
  for (const file of nextServerFiles(root)) {
    const source = fs.readFileSync(file, 'utf8');
    let { text, changed, alreadyPatched } = patchSource(source);
    if (text.includes(READABLE)) {
      text = text.replace(READABLE, READABLE_PATCHED);
      changed += 1;
    }
    alreadyPatched ||= source.includes(READABLE_PATCHED);
    if (changed > 0) {
      fs.writeFileSync(file, text);
      report.patched += 1;
    } else if (alreadyPatched) report.already += 1;
    report.files += 1;
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = patchNext();
  if (report.files === 0) process.exit(0); // next is not installed (e.g. a partial install): nothing to do
  if (report.patched + report.already === 0) {
    console.warn('[gazette] scripts/patch-next.mjs: this Next.js version does not have the code it patches; nothing changed (see the script).');
  } else if (report.patched > 0) {
    console.log(`[gazette] patched Next.js's IncrementalCache in ${report.patched} file(s) (scripts/patch-next.mjs)`);
  }
}
