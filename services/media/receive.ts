import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { dataDir } from '../../domain/env';
import { ActionError } from '../../domain/errors';

export function uploadTempDir(): string {
  return path.join(dataDir(), 'tmp');
}

/** Streams a request body to a temp file, stopping at `maxBytes`; the caller deletes the file. */
export async function receiveToTempFile(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<{ file: string; bytes: number }> {
  if (!body) throw new ActionError(400, { code: 'uploadEmpty' });
  const dir = uploadTempDir();
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `upload-${crypto.randomUUID()}`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) callback(new ActionError(413, { code: 'fileTooLarge', params: { mb: Math.round(maxBytes / 1024 / 1024) } }));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), limit, fs.createWriteStream(file));
    return { file, bytes };
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    if (error instanceof ActionError) throw error;
    throw new ActionError(400, { code: 'uploadInterrupted' });
  }
}

/** Temp files from uploads that died mid-way (a crash, a killed process). */
export async function sweepTempUploads(olderThanMs = 3_600_000): Promise<number> {
  const dir = uploadTempDir();
  let removed = 0;
  for (const name of await fs.promises.readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > olderThanMs) {
      await fs.promises.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
