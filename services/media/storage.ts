import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { config, resetConfig } from '../../domain/config.mjs';
import { dataDir } from '../../domain/env';

export interface StoredObject {
  body: Readable;
  size: number;
}

/** Where media files live. Keys come from the server (domain/media/names.ts), never from users. */
export interface MediaStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(keys: string[]): Promise<void>;
  /** Every object under `prefix/` (one media item's folder). */
  deletePrefix(prefix: string): Promise<void>;
}

class LocalStorage implements MediaStorage {
  readonly kind = 'local' as const;
  constructor(private readonly root: string) {}

  private file(key: string): string {
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(this.root + path.sep)) throw new Error('Storage key escapes the media folder.');
    return resolved;
  }

  async put(key: string, body: Buffer): Promise<void> {
    const target = this.file(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await pipeline(Readable.from(body), fs.createWriteStream(temp));
    await fs.promises.rename(temp, target);
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const target = this.file(key);
      const stat = await fs.promises.stat(target);
      return { body: fs.createReadStream(target), size: stat.size };
    } catch {
      return null;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((k) => fs.promises.rm(this.file(k), { force: true })));
  }

  async deletePrefix(prefix: string): Promise<void> {
    await fs.promises.rm(this.file(prefix), { recursive: true, force: true });
  }
}

class S3Storage implements MediaStorage {
  readonly kind = 's3' as const;
  private client: Promise<import('@aws-sdk/client-s3').S3Client>;

  constructor(private readonly bucket: string) {
    const c = config();
    this.client = import('@aws-sdk/client-s3').then(
      ({ S3Client }) =>
        new S3Client({
          region: c.S3_REGION,
          endpoint: c.S3_ENDPOINT,
          forcePathStyle: c.S3_FORCE_PATH_STYLE,
          credentials:
            c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY ? { accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY } : undefined,
        }),
    );
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await (await this.client).send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async get(key: string): Promise<StoredObject | null> {
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    try {
      const out = await (await this.client).send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) return null;
      return { body: out.Body as Readable, size: Number(out.ContentLength ?? 0) };
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys.length) return;
    const { DeleteObjectsCommand } = await import('@aws-sdk/client-s3');
    await (await this.client).send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
  }

  async deletePrefix(prefix: string): Promise<void> {
    const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
    const listed = await (await this.client).send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${prefix}/` }));
    await this.delete((listed.Contents ?? []).map((o) => o.Key!).filter(Boolean));
  }
}

let instance: MediaStorage | undefined;

/**
 * MEDIA_STORAGE=local (default, DATA_DIR/media) or s3 (S3_BUCKET, S3_ENDPOINT, S3_REGION, keys).
 * domain/config.mjs checks the combination (S3_BUCKET with s3, no local storage on Vercel) at start.
 */
export function mediaStorage(): MediaStorage {
  if (instance) return instance;
  const c = config();
  if (c.MEDIA_STORAGE === 's3') return (instance = new S3Storage(c.S3_BUCKET!));
  return (instance = new LocalStorage(path.join(dataDir(), 'media')));
}

/** Tests switch storage backends in one process. */
export function resetMediaStorage(): void {
  resetConfig();
  instance = undefined;
}
