import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).optional(),
  SITE_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SEED_DEMO: z.enum(['0', '1']).optional(),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

/** Parsed once; a bad value stops the app with a message that names the variable. */
export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  parsed = result.data;
  return parsed;
}

/** Where PGlite, the generated secret and uploads live. */
export function dataDir(): string {
  const dir = env().DATA_DIR ?? '.data';
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), dir);
}

/** The public origin used in canonical links, feeds and the reprint line; no trailing slash. */
export function siteUrl(): string {
  const configured = env().SITE_URL;
  if (configured) return configured.replace(/\/+$/, '');
  return `http://localhost:${env().PORT ?? 3000}`;
}
