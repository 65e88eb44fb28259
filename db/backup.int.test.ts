// A backup is only known to restore once it has: back up the demo database with `npm run db:backup`,
// restore it with `npm run db:restore` into a fresh database, and compare every table (row count and a
// checksum of all rows), every sequence and the schema's constraints and triggers. Also the embedded path.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execRows, openDb, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo, seedReference } from "@/db/seed";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/test/db";

const root = path.resolve(import.meta.dirname, "..");

function npm(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync("npm", ["run", "-s", script, "--", ...args], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Every table's row count and md5 of its rows (sorted), every sequence's value, and the schema's rules. */
async function fingerprint(handle: DbHandle): Promise<Record<string, string>> {
  const tables = await execRows<{ s: string; t: string }>(
    handle.db,
    sql`select schemaname as s, tablename as t from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const out: Record<string, string> = {};
  for (const { s, t } of tables) {
    const [row] = await execRows<{ n: number; h: string }>(
      handle.db,
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(r, E'\\n' order by r), '')) as h from (select x::text as r from "${s}"."${t}" x) q`),
    );
    out[`${s}.${t}`] = `${row.n} rows ${row.h}`;
  }
  const seqs = await execRows<{ k: string; v: string | null }>(
    handle.db,
    sql`select schemaname || '.' || sequencename as k, last_value::text as v from pg_sequences order by 1`,
  );
  for (const { k, v } of seqs) out[`sequence ${k}`] = String(v);
  const [rules] = await execRows<{ h: string; n: number }>(
    handle.db,
    sql`select count(*)::int as n, md5(string_agg(d, E'\\n' order by d)) as h from (
          select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as d from pg_constraint where connamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
          union all select tgrelid::regclass::text || ' ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal
          union all select indexdef from pg_indexes where schemaname not in ('pg_catalog', 'information_schema')) q`,
  );
  out["schema rules"] = `${rules.n} ${rules.h}`;
  return out;
}

function expectSameData(source: Record<string, string>, restored: Record<string, string>) {
  expect(Object.keys(source).length).toBeGreaterThan(40);
  expect(source["drizzle.__drizzle_migrations"]).toMatch(/^[1-9]\d* rows/);
  for (const key of ["public.users", "public.awards", "public.audit_events", "public.progress_reports"]) {
    expect(Object.keys(source)).toContain(key);
    expect(source[key], key).toMatch(/^[1-9]\d* rows/);
  }
  expect(restored).toEqual(source);
}

describe.runIf(process.env.DATABASE_URL)("npm run db:backup / db:restore on a PostgreSQL server", () => {
  let source: TestDb;
  let outDir: string;
  let targetName: string;
  let targetUrl: string;
  const baseUrl = process.env.DATABASE_URL!;

  beforeAll(async () => {
    source = await createTestDb({ demo: true });
    outDir = mkdtempSync(path.join(tmpdir(), "fap-backup-"));
    targetName = `${source.name}_restored`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${targetName}`);
    await admin.end();
    const u = new URL(baseUrl);
    u.pathname = `/${targetName}`;
    targetUrl = u.toString();
  });
  afterAll(async () => {
    await source?.drop();
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`);
    await admin.end();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("restores the demo database into an empty one with every row, sequence, constraint and trigger, migrations up to date; refuses a non-empty one", async () => {
    const before = await fingerprint(source);
    const backup = npm("db:backup", ["--out", outDir], { DATABASE_URL: source.url! });
    expect(backup.out).toMatch(/Backup of the PostgreSQL 1\d\.\d+ database ".+" written to .+\.pgdump \(.+\) in \d+\.\d s\./);
    expect(backup.status).toBe(0);
    const [file] = readdirSync(outDir);
    expect(file).toMatch(new RegExp(`^${source.name}-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.pgdump$`));

    const restore = npm("db:restore", [path.join(outDir, file)], { DATABASE_URL: targetUrl });
    expect(restore.out).toMatch(/Restored .+ into the database ".+": \d+ tables, \d+ migrations recorded, in \d+\.\d s\./);
    expect(restore.status).toBe(0);

    const target = await openDb({ url: targetUrl, max: 2 });
    try {
      expectSameData(before, await fingerprint(target));
      // The migrator's bookkeeping came along: migrating the restored database changes nothing.
      await runMigrations(target);
      expectSameData(before, await fingerprint(target));

      // A second restore into the now non-empty database is refused and changes nothing.
      const again = npm("db:restore", [path.join(outDir, file)], { DATABASE_URL: targetUrl });
      expect(again.status).toBe(1);
      expect(again.out).toMatch(/Nothing restored: The database ".+" is not empty/);
      expect(await fingerprint(target)).toEqual(before);
    } finally {
      await target.close();
    }
    // The source, restored onto itself, is refused the same way.
    const self = npm("db:restore", [path.join(outDir, file)], { DATABASE_URL: source.url! });
    expect(self.status).toBe(1);
    expect(await fingerprint(source)).toEqual(before);
  }, 120_000);
});

describe("npm run db:backup / db:restore on the embedded database (PGlite)", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), "fap-pglite-backup-"));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("restores a backup of a demo folder into a new folder; refuses while the folder is open elsewhere and into a non-empty folder", async () => {
    const sourceDir = path.join(work, "source");
    const restoredDir = path.join(work, "restored");
    const outDir = path.join(work, "backups");
    const env = (dir: string) => ({ DATABASE_URL: "", PGLITE_DIR: dir });

    const source = await openDb({ pgliteDir: sourceDir });
    await runMigrations(source);
    await seedReference(source.db);
    await seedDemo(source.db);
    const before = await fingerprint(source);
    // While this process (standing in for the demo server) has the folder open, the backup refuses.
    const busy = npm("db:backup", ["--out", outDir], env(sourceDir));
    expect(busy.status).toBe(1);
    expect(busy.out).toContain(`is open in process ${process.pid}`);
    await source.close();

    const backup = npm("db:backup", ["--out", outDir], env(sourceDir));
    expect(backup.out).toMatch(/Backup of the embedded database in .+ written to .+pglite-.+\.tar\.gz \(.+\) in \d+\.\d s\./);
    expect(backup.status).toBe(0);
    const file = path.join(outDir, readdirSync(outDir)[0]);

    const restore = npm("db:restore", [file], env(restoredDir));
    expect(restore.out).toMatch(/Restored .+ into the embedded database in .+: \d+ tables, \d+ migrations recorded/);
    expect(restore.status).toBe(0);
    const again = npm("db:restore", [file], env(restoredDir));
    expect(again.status).toBe(1);
    expect(again.out).toContain("is not empty (it holds an embedded database)");

    const restored = await openDb({ pgliteDir: restoredDir });
    try {
      expectSameData(before, await fingerprint(restored));
      await runMigrations(restored);
      expectSameData(before, await fingerprint(restored));
    } finally {
      await restored.close();
    }
  }, 180_000);
});
