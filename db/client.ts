import { mkdirSync } from "node:fs";
import path from "node:path";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { queryCountingLogger } from "../lib/bench/query-tally";
import { getEnv } from "../lib/config/env";
import { pgliteExtensions } from "./pglite-extensions";
import { claimPgliteFolder } from "./pglite-owner";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
/** The transaction handle drizzle passes to `db.transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
}

/**
 * Opens a database: a PostgreSQL server when `url` is given (postgres.js with explicit pool and
 * timeouts), otherwise the embedded PGlite in `pgliteDir` ("memory" keeps it in memory).
 */
export async function openDb(options: { url?: string; pgliteDir?: string; max?: number }): Promise<DbHandle> {
  // Only `npm run bench` counts (and, asked to, logs) queries; otherwise drizzle keeps its no-op logger.
  const logger = queryCountingLogger({ count: getEnv().BENCH_COUNT_QUERIES, logFile: getEnv().BENCH_LOG_QUERIES });
  if (options.url) {
    const client = postgres(options.url, {
      max: options.max ?? getEnv().DATABASE_POOL_MAX,
      idle_timeout: 20,
      connect_timeout: 10,
      backoff: reconnectDelaySeconds,
      max_lifetime: 60 * 30,
      prepare: true,
      onnotice: () => {},
      connection: {
        statement_timeout: getEnv().DATABASE_STATEMENT_TIMEOUT_MS,
        idle_in_transaction_session_timeout: 30_000,
        application_name: "firearms-assistance-portal",
      },
    });
    return {
      db: drizzlePostgres(client, { schema, logger }),
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = options.pgliteDir ?? ".data/pglite";
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  const extensions = await pgliteExtensions();
  let client;
  let release = () => {};
  if (dir === "memory") {
    client = new PGlite({ extensions });
  } else {
    const abs = path.resolve(/*turbopackIgnore: true*/ process.cwd(), dir);
    mkdirSync(abs, { recursive: true });
    release = claimPgliteFolder(abs);
    client = new PGlite(abs, { extensions });
  }
  try {
    await client.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  // Both drivers speak to PostgreSQL through the same drizzle query builder; the types differ only
  // in the raw result shape, which the code never relies on (see execRows below).
  const db = drizzlePglite(client, { schema, logger }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Seconds postgres.js waits before a connection tries again after failed attempts (its count is shared by
 * the pool). Its default grows to 20 s, so during an outage the mail and reminder pollers' failures made
 * every page wait up to 20 s before showing the outage page, and a recovered database stayed unused as
 * long. Here it grows from ~50 ms to at most 1 s, with jitter so the pool does not reconnect in step.
 */
export function reconnectDelaySeconds(failedAttempts: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** failedAttempts, 1);
}

export function dbOptionsFromEnv(): { url?: string; pgliteDir?: string } {
  const { DATABASE_URL: url, PGLITE_DIR: pgliteDir } = getEnv();
  return url ? { url } : { pgliteDir };
}

// One handle per process, kept on globalThis: Next.js bundles this module into several entries
// (instrumentation, routes), and PGlite must have exactly one owner of its folder.
const GLOBAL_KEY = Symbol.for("fap.db");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  const g = globalThis as GlobalWithDb;
  if (!g[GLOBAL_KEY]) {
    g[GLOBAL_KEY] = openDb(dbOptionsFromEnv()).catch((error) => {
      delete g[GLOBAL_KEY];
      throw error;
    });
  }
  return g[GLOBAL_KEY];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Lets tests and scripts install the process-wide handle explicitly. */
export function setDbHandle(handle: DbHandle | undefined): void {
  const g = globalThis as GlobalWithDb;
  if (handle) g[GLOBAL_KEY] = Promise.resolve(handle);
  else delete g[GLOBAL_KEY];
}

/** Rows of a raw SQL statement, the same on postgres.js (array) and PGlite ({ rows }). */
export async function execRows<T>(db: DbOrTx, query: Parameters<Db["execute"]>[0]): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
