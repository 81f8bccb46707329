import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dataDir } from '../env';

export interface StoredObject {
  body: Readable;
  size: number;
}

/** Where media files live. Keys come from the server (lib/media/names.ts), never from users. */
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
    this.client = import('@aws-sdk/client-s3').then(
      ({ S3Client }) =>
        new S3Client({
          region: process.env.S3_REGION || 'us-east-1',
          endpoint: process.env.S3_ENDPOINT || undefined,
          forcePathStyle: process.env.S3_FORCE_PATH_STYLE === '1',
          credentials:
            process.env.S3_ACCESS_KEY_ID && process.env.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: process.env.S3_ACCESS_KEY_ID, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY }
              : undefined,
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

export class StorageConfigError extends Error {}

let instance: MediaStorage | undefined;

/** MEDIA_STORAGE=local (default, DATA_DIR/media) or s3 (S3_BUCKET, S3_ENDPOINT, S3_REGION, keys). */
export function mediaStorage(): MediaStorage {
  if (instance) return instance;
  const kind = process.env.MEDIA_STORAGE || 'local';
  if (kind === 's3') {
    const bucket = process.env.S3_BUCKET;
    if (!bucket) throw new StorageConfigError('MEDIA_STORAGE=s3 needs S3_BUCKET (and S3_ENDPOINT/S3_REGION and credentials).');
    return (instance = new S3Storage(bucket));
  }
  if (kind !== 'local') throw new StorageConfigError(`MEDIA_STORAGE must be "local" or "s3", not "${kind}".`);
  if (process.env.VERCEL) {
    throw new StorageConfigError('Local media storage does not work on Vercel (its disk is not kept). Set MEDIA_STORAGE=s3 and the S3_* variables.');
  }
  return (instance = new LocalStorage(path.join(dataDir(), 'media')));
}

/** Tests switch storage backends in one process. */
export function resetMediaStorage(): void {
  instance = undefined;
}
