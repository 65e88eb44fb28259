// `npm run bench` counts the SQL queries each request makes (BENCH_COUNT_QUERIES=1, off otherwise).
// The server probe (lib/bench/server-probe.ts) runs every request inside this storage with its own
// tally; the database client's logger (db/client.ts) adds one for each query drizzle sends.
// With BENCH_LOG_QUERIES=<file> the same logger also appends each distinct SQL text, with the
// parameters of its first use and the request that made it, to that file (one JSON object a line),
// for `npm run bench:explain`.
import { AsyncLocalStorage } from "node:async_hooks";
import { appendFileSync } from "node:fs";
import type { Logger } from "drizzle-orm/logger";

export interface QueryTally {
  queries: number;
  /** When given, the text of each query is added to it (scripts/page-queries.ts --sql). */
  statements?: string[];
  /** The request's method and path, named as the origin of the queries it logs. */
  origin?: string;
}

/** One line of the BENCH_LOG_QUERIES file. */
export interface LoggedQuery {
  sql: string;
  params: unknown[];
  origin: string | null;
}

// Kept on globalThis: Next.js bundles this module into several entries (instrumentation, routes), and
// they must share one storage.
const KEY = Symbol.for("fap.bench.queryTally");
type GlobalWithTally = typeof globalThis & { [KEY]?: { storage: AsyncLocalStorage<QueryTally>; total: QueryTally } };

function shared() {
  const g = globalThis as GlobalWithTally;
  g[KEY] ??= { storage: new AsyncLocalStorage<QueryTally>(), total: { queries: 0 } };
  return g[KEY];
}

export function queryTallyStorage(): AsyncLocalStorage<QueryTally> {
  return shared().storage;
}

/** Queries made by requests (not by background jobs) since the process started. */
export function totalRequestQueries(): number {
  return shared().total.queries;
}

// The SQL texts already written to each log file by this process, so that each is written once.
const LOGGED_KEY = Symbol.for("fap.bench.loggedQueries");
type GlobalWithLogged = typeof globalThis & { [LOGGED_KEY]?: Map<string, Set<string>> };

function loggedTexts(file: string): Set<string> {
  const g = globalThis as GlobalWithLogged;
  g[LOGGED_KEY] ??= new Map();
  let texts = g[LOGGED_KEY].get(file);
  if (!texts) g[LOGGED_KEY].set(file, (texts = new Set()));
  return texts;
}

/**
 * The drizzle logger that counts queries (`count`) and logs each distinct one to `logFile`, or undefined
 * (drizzle's no-op logger) when both are off.
 */
export function queryCountingLogger(options: { count: boolean; logFile?: string }): Logger | undefined {
  const { count, logFile } = options;
  if (!count && !logFile) return undefined;
  const { storage, total } = shared();
  const texts = logFile ? loggedTexts(logFile) : undefined;
  return {
    logQuery(query, params) {
      const tally = storage.getStore();
      if (logFile && texts && !texts.has(query)) {
        texts.add(query);
        const line: LoggedQuery = { sql: query, params, origin: tally?.origin ?? null };
        // Once per distinct text, so the synchronous write costs nothing the benchmark measures.
        appendFileSync(logFile, `${JSON.stringify(line, jsonParam)}\n`);
      }
      if (!count || !tally) return;
      tally.queries++;
      tally.statements?.push(query);
      total.queries++;
    },
  };
}

// Parameters as PostgreSQL reads them back from text: dates as ISO timestamps, bytes as hex.
function jsonParam(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value && typeof value === "object" && "type" in value && (value as { type: unknown }).type === "Buffer" && "data" in value) {
    return `\\x${Buffer.from((value as { data: number[] }).data).toString("hex")}`;
  }
  return value;
}
