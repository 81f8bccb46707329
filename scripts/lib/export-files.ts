import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** `site.ndjson` → `site.media`: where `--media` writes the files and the import looks for them. */
export function siblingMediaDir(file: string): string {
  const base = path.basename(file).replace(/\.(nd)?json$/i, '');
  return path.join(path.dirname(file), `${base}.media`);
}

/**
 * A line sink over a stream that gathers lines into 256 KB writes and waits on 'drain', so the
 * export never runs ahead of the disk (or of a pipe to gzip).
 */
export function lineSink(out: Writable): { write: (line: string) => Promise<void>; end: () => Promise<void> } {
  let buffer = '';
  const flush = async () => {
    if (!buffer) return;
    const chunk = buffer;
    buffer = '';
    if (!out.write(chunk)) await once(out, 'drain');
  };
  return {
    write: async (line) => {
      buffer += `${line}\n`;
      if (buffer.length >= 256 * 1024) await flush();
    },
    end: async () => {
      await flush();
      if (out === process.stdout) return;
      out.end();
      await once(out, 'finish');
    },
  };
}

export const fileExists = (file: string) => fs.existsSync(file) && fs.statSync(file).isFile();
