// Backups and restores of the portal's database: pg_dump / pg_restore (custom format) for a PostgreSQL
// server, PGlite's own data-folder tarball for the embedded database. Used by db/backup-cli.ts and
// db/restore-cli.ts (`npm run db:backup`, `npm run db:restore`) and by their integration test.
import { spawn } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { getEnv } from "../lib/config/env";
import { pgliteExtensions } from "./pglite-extensions";
import { claimPgliteFolder } from "./pglite-owner";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  /** What was backed up, for the operator: `PostgreSQL 15.10 database "portal"` or `embedded database in …`. */
  source: string;
}

export interface RestoreResult {
  file: string;
  ms: number;
  target: string;
  tables: number;
  migrations: number;
}

export type BackupTarget = { url: string } | { pgliteDir: string };

/** `2026-12-03T07-30-05Z`: sorts by time, safe in every file system. */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z").replaceAll(":", "-");
}

function uniqueFile(dir: string, base: string, ext: string): string {
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n === 1 ? "" : `-${n}`}${ext}`);
    if (!existsSync(file) && !existsSync(`${file}.partial`)) return file;
  }
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL server

function pgBin(name: "pg_dump" | "pg_restore"): string {
  const dir = getEnv().PG_BIN_DIR;
  return dir ? path.join(dir, name) : name;
}

/** libpq reads the password from the environment, so it never shows in the process list. */
function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv; database: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BackupError("DATABASE_URL is not a valid postgres:// URL.");
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env, database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres" };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        new BackupError(
          error.code === "ENOENT"
            ? `${command} was not found. Install the PostgreSQL client tools (Debian: postgresql-client) or set PG_BIN_DIR to their folder.`
            : `${command} could not start: ${error.message}`,
        ),
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolve({ stdout, stderr });
      else reject(new BackupError(`${path.basename(command)} failed (exit ${code}):\n${stderr.trim()}`));
    });
  });
}

async function toolMajor(command: string): Promise<number> {
  const { stdout } = await run(command, ["--version"], process.env);
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
  if (!match) throw new BackupError(`Could not read the version of ${command}: ${stdout.trim()}`);
  return Number(match[1]);
}

async function withServer<T>(url: string, body: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await body(sql);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "3D000") {
      const { database } = libpqConnection(url);
      throw new BackupError(`The database "${database}" does not exist on that server. Create it first (createdb ${database}), empty.`);
    }
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Could not reach the PostgreSQL server in DATABASE_URL: ${(error as Error).message}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Writes `<database>-<time>.pgdump` (pg_dump's custom format) into `outDir`. */
export async function backupPostgres(url: string, outDir: string, now = new Date()): Promise<BackupResult> {
  const started = Date.now();
  const conn = libpqConnection(url);
  const dumpMajor = await toolMajor(pgBin("pg_dump"));
  const server = await withServer(url, async (sql) => {
    const [row] = await sql<{ num: string; version: string }[]>`
      select current_setting('server_version_num') as num, current_setting('server_version') as version`;
    return { major: Math.floor(Number(row.num) / 10_000), version: row.version.split(" ")[0] };
  });
  if (dumpMajor < server.major) {
    throw new BackupError(
      `pg_dump ${dumpMajor} cannot back up a PostgreSQL ${server.major} server: pg_dump must be at least the server's major version. ` +
        `Install the PostgreSQL ${server.major} client tools, or set PG_BIN_DIR to their folder.`,
    );
  }
  mkdirSync(outDir, { recursive: true });
  const file = uniqueFile(outDir, `${conn.database}-${backupStamp(now)}`, ".pgdump");
  const partial = `${file}.partial`;
  try {
    await run(pgBin("pg_dump"), ["--format=custom", "--compress=6", `--file=${partial}`, `--dbname=${conn.dbname}`], conn.env);
    chmodSync(partial, 0o600); // it holds people's names and addresses
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { file, bytes: statSync(file).size, ms: Date.now() - started, source: `PostgreSQL ${server.version} database "${conn.database}"` };
}

/** User objects (tables, sequences, views, types, functions, schemas other than public) in the database. */
async function userObjectCount(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    with user_ns as (
      select oid, nspname from pg_namespace
      where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_toast%' and nspname not like 'pg\\_temp%'
    ),
    ext as (select objid from pg_depend where deptype = 'e')
    select (
      (select count(*) from pg_class c join user_ns n on n.oid = c.relnamespace where c.oid not in (select objid from ext))
      + (select count(*) from pg_proc p join user_ns n on n.oid = p.pronamespace where p.oid not in (select objid from ext))
      + (select count(*) from pg_type t join user_ns n on n.oid = t.typnamespace
           where t.typtype in ('e', 'd', 'r', 'm') and t.oid not in (select objid from ext))
      + (select count(*) from user_ns where nspname <> 'public')
    )::int as n`;
  return row.n;
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** Tables in the restored database and migrations recorded by drizzle's migrator (so: migrated up to). */
async function restoredSummary(query: Query): Promise<{ tables: number; migrations: number }> {
  const [t] = await query(
    "select count(*)::int as n, to_regclass('drizzle.__drizzle_migrations') is not null as bookkept from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
  );
  let migrations = 0;
  if (t.bookkept) [{ n: migrations }] = (await query("select count(*)::int as n from drizzle.__drizzle_migrations")) as { n: number }[];
  return { tables: Number(t.n), migrations: Number(migrations) };
}

const PGDMP = Buffer.from("PGDMP");
const GZIP = Buffer.from([0x1f, 0x8b]);

function fileKind(file: string): "pgdump" | "pglite" | "unknown" {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    throw new BackupError(`The backup file ${file} does not exist or cannot be read.`);
  }
  const head = Buffer.alloc(5);
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(PGDMP)) return "pgdump";
  if (head.subarray(0, 2).equals(GZIP)) return "pglite";
  return "unknown";
}

/** Restores a `.pgdump` into the (existing, empty) database in `url`, in one transaction. */
export async function restorePostgres(url: string, file: string): Promise<RestoreResult> {
  const started = Date.now();
  const conn = libpqConnection(url);
  const kind = fileKind(file);
  if (kind === "pglite") {
    throw new BackupError(`${file} is a backup of the embedded database (PGlite); restore it with DATABASE_URL unset, into a new PGLITE_DIR.`);
  }
  if (kind !== "pgdump") throw new BackupError(`${file} is not a backup written by npm run db:backup (pg_dump custom format).`);
  const objects = await withServer(url, userObjectCount);
  if (objects > 0) {
    throw new BackupError(
      `The database "${conn.database}" is not empty (${objects} objects: tables, sequences, types, functions, schemas): nothing was restored. ` +
        `Restore into a new, empty database (createdb <name>) and point DATABASE_URL at it.`,
    );
  }
  // --single-transaction: a failed restore leaves the database as empty as it was. --no-owner and
  // --no-privileges: the restoring role owns the objects (the portal connects as one role).
  await run(
    pgBin("pg_restore"),
    ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", `--dbname=${conn.dbname}`, file],
    conn.env,
  );
  const summary = await withServer(url, (sql) => restoredSummary((text) => sql.unsafe(text)));
  return { file, ms: Date.now() - started, target: `database "${conn.database}"`, ...summary };
}

// ---------------------------------------------------------------------------------------------------
// Embedded database (PGlite)

async function openPgliteFolder(dir: string, loadDataDir?: Blob) {
  const { PGlite } = await import("@electric-sql/pglite");
  const release = claimPgliteFolder(dir);
  try {
    const extensions = await pgliteExtensions();
    const client = new PGlite(dir, loadDataDir ? { loadDataDir, extensions } : { extensions });
    await client.waitReady;
    return {
      client,
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function hasDatabase(dir: string): boolean {
  return existsSync(path.join(dir, "PG_VERSION"));
}

/**
 * Writes `pglite-<time>.tar.gz` (PGlite's dumpDataDir: a consistent copy taken by the one process that
 * owns the folder) into `outDir`. Refuses while another process (the demo server) has the folder open.
 */
export async function backupPglite(pgliteDir: string, outDir: string, now = new Date()): Promise<BackupResult> {
  const started = Date.now();
  const dir = path.resolve(pgliteDir);
  if (!hasDatabase(dir)) throw new BackupError(`There is no embedded database in ${dir} (PGLITE_DIR).`);
  const db = await openPgliteFolder(dir);
  let data: Blob;
  try {
    data = await db.client.dumpDataDir("gzip");
  } finally {
    await db.close();
  }
  mkdirSync(outDir, { recursive: true });
  const file = uniqueFile(outDir, `pglite-${backupStamp(now)}`, ".tar.gz");
  const partial = `${file}.partial`;
  writeFileSync(partial, Buffer.from(await data.arrayBuffer()), { mode: 0o600 });
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, ms: Date.now() - started, source: `embedded database in ${dir}` };
}

/** Restores a PGlite tarball into `pgliteDir`, which must not exist yet or be an empty folder. */
export async function restorePglite(pgliteDir: string, file: string): Promise<RestoreResult> {
  const started = Date.now();
  const dir = path.resolve(pgliteDir);
  const kind = fileKind(file);
  if (kind === "pgdump") {
    throw new BackupError(`${file} is a backup of a PostgreSQL server (pg_dump); set DATABASE_URL to a new, empty database to restore it.`);
  }
  if (kind !== "pglite") throw new BackupError(`${file} is not a backup written by npm run db:backup (PGlite tarball).`);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new BackupError(
      `${dir} is not empty${hasDatabase(dir) ? " (it holds an embedded database)" : ""}: nothing was restored. ` +
        `Restore into a new folder (PGLITE_DIR=<new folder>), or move this one aside first.`,
    );
  }
  mkdirSync(dir, { recursive: true });
  const { openAsBlob } = await import("node:fs");
  let db;
  try {
    db = await openPgliteFolder(dir, await openAsBlob(file));
  } catch (error) {
    // What was unpacked of a broken file is not a database: leave the folder empty as it was.
    for (const entry of readdirSync(dir)) rmSync(path.join(dir, entry), { recursive: true, force: true });
    if (error instanceof BackupError || (error as Error).name === "PgliteFolderInUseError") throw error;
    throw new BackupError(`${file} could not be restored: ${(error as Error).message}`);
  }
  try {
    const summary = await restoredSummary(async (text) => (await db.client.query<Record<string, unknown>>(text)).rows);
    return { file, ms: Date.now() - started, target: `embedded database in ${dir}`, ...summary };
  } finally {
    await db.close();
  }
}

// ---------------------------------------------------------------------------------------------------

export function backupDatabase(target: BackupTarget, outDir: string): Promise<BackupResult> {
  return "url" in target ? backupPostgres(target.url, outDir) : backupPglite(target.pgliteDir, outDir);
}

export function restoreDatabase(target: BackupTarget, file: string): Promise<RestoreResult> {
  return "url" in target ? restorePostgres(target.url, file) : restorePglite(target.pgliteDir, file);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
