/**
 * The PostgreSQL database of the archive benchmark: `gazette_bench_archive_<N>` on the local server
 * (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres), migrated, with the demo
 * publication and N synthetic stories (services/seed/synthetic.ts). Reused when it already holds exactly
 * N synthetic stories of the current generator version; otherwise dropped and seeded again.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openConnection } from "../../db/client.js";
import { runMigrations } from "../../db/migrate.js";
import { hasContent, seedDemo } from "../../services/seed/index.js";
import { seedSynthetic, SYNTHETIC_VERSION, type SeedSyntheticResult } from "../../services/seed/synthetic.js";
import { users } from "../../db/schema/index.js";
import { hashPassword } from "../../domain/auth/password.js";
import { log } from "./util.js";

export interface ArchiveDatabase {
  url: string;
  name: string;
  reused: boolean;
  /** Set when this run seeded the database. */
  seed: (SeedSyntheticResult & { demoSeconds: number; storiesPerSecond: number }) | null;
  /** An editor account for the admin cases, with a new password each run. */
  editor: { email: string; password: string };
  /** Size of the database on disk, bytes. */
  sizeBytes: number;
}

const EDITOR_EMAIL = "bench-editor@example.com";

/** The database's comment records what was seeded, so that reruns can trust it. */
const marker = (count: number) => `gazette synthetic archive: ${count} stories, generator v${SYNTHETIC_VERSION}`;

function databaseUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.href;
}

/** Synthetic stories in the database (slugs synthetic-<n>, counted on the slug index), or null without the table. */
async function syntheticCount(url: string): Promise<number | null> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [table] = await client`select to_regclass('public.articles') as oid`;
    if (!table?.oid) return null;
    const [row] = await client`select count(*)::int as n from articles where slug >= 'synthetic-' and slug < 'synthetic.'`;
    return Number(row?.n ?? 0);
  } finally {
    await client.end({ timeout: 5 });
  }
}

export async function prepareArchiveDatabase(count: number): Promise<ArchiveDatabase> {
  const adminUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `gazette_bench_archive_${count}`;
  const url = databaseUrl(adminUrl, name);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  let reused = false;
  try {
    const [db] = await admin`select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${name}`;
    if (db) {
      const found = await syntheticCount(url);
      // A database seeded by hand (`npm run seed:synthetic`) has no comment: the count decides.
      const sameVersion = db.comment === null || db.comment === marker(count);
      reused = found === count && sameVersion;
      log(`${name}: ${found ?? "no"} synthetic stories${db.comment ? ` (${db.comment})` : ""}: ${reused ? "reusing it" : "seeding it again"}`);
      if (!reused) await admin.unsafe(`drop database ${name} with (force)`);
    }
    if (!reused) await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }

  const conn = await openConnection({ url });
  try {
    await runMigrations(conn.db, conn.kind);
    let seed: ArchiveDatabase["seed"] = null;
    if (!reused) {
      const demoStarted = Date.now();
      if (!(await hasContent(conn.db))) await seedDemo(conn.db);
      const demoSeconds = (Date.now() - demoStarted) / 1000;
      log(`seeding ${count} synthetic stories into ${name} ...`);
      let lastLog = 0;
      const started = Date.now();
      const result = await seedSynthetic(conn.db, count, {
        kind: "postgres",
        onProgress: (done, total) => {
          if (Date.now() - lastLog < 10_000 && done < total) return;
          lastLog = Date.now();
          log(`  ${done} / ${total} stories, ${Math.round(done / ((Date.now() - started) / 1000))}/s`);
        },
      });
      seed = { ...result, demoSeconds, storiesPerSecond: Math.round(count / result.insertSeconds) };
      log(`seeded in ${result.insertSeconds.toFixed(0)} s (${seed.storiesPerSecond} stories/s), VACUUM ANALYZE ${result.analyzeSeconds.toFixed(0)} s`);
      await conn.db.execute(sql.raw(`comment on database ${name} is '${marker(count)}'`));
    }
    const password = randomBytes(18).toString("base64url");
    const passwordHash = await hashPassword(password);
    await conn.db
      .insert(users)
      .values({ email: EDITOR_EMAIL, name: "Bench Editor", slug: "bench-editor", role: "editor", passwordHash })
      .onConflictDoUpdate({ target: users.email, set: { passwordHash, role: "editor", disabledAt: null } });
    const [size] = (await conn.db.execute(sql`select pg_database_size(current_database())::text as bytes`)) as unknown as { bytes: string }[];
    return { url, name, reused, seed, editor: { email: EDITOR_EMAIL, password }, sizeBytes: Number(size?.bytes ?? 0) };
  } finally {
    await conn.close();
  }
}

interface ArchiveFacts {
  sections: string[];
  tags: { id: number; slug: string; stories: number }[];
  authors: string[];
}

/** Sections, the biggest tags and the most prolific synthetic authors, from the database. */
export async function archiveFacts(url: string): Promise<ArchiveFacts> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const sections = await client`select slug from sections order by parent_id nulls first, sort_order, id`;
    const tags = await client`
      select t.id, t.slug, count(*)::int as stories from article_tags a join tags t on t.id = a.tag_id
      group by t.id, t.slug order by stories desc limit 5`;
    const authors = await client`
      select u.slug from article_authors a join users u on u.id = a.user_id where u.slug like 'synthetic-author-%'
      group by u.slug order by count(*) desc limit 3`;
    return {
      sections: sections.map((r) => String(r.slug)),
      tags: tags.map((r) => ({ id: Number(r.id), slug: String(r.slug), stories: Number(r.stories) })),
      authors: authors.map((r) => String(r.slug)),
    };
  } finally {
    await client.end({ timeout: 5 });
  }
}
