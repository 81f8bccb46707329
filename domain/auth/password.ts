import { hash, verify } from '@node-rs/argon2';

export { PASSWORD_MAX, PASSWORD_MIN } from './password-rules';

// argon2id with the library defaults (19 MiB, t=2): ~50 ms here.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the account does not exist, so both answers take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hash('not-a-real-password-just-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
