// `npm run bench` counts the SQL queries each request makes (BENCH_COUNT_QUERIES=1, off otherwise).
// The server probe (lib/bench/server-probe.ts) runs every request inside this storage with its own
// tally; the database client's logger (db/client.ts) adds one for each query drizzle sends.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

export interface QueryTally {
  queries: number;
  /** When given, the text of each query is added to it (scripts/page-queries.ts --sql). */
  statements?: string[];
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

/** The drizzle logger that counts queries, or undefined (drizzle's no-op logger) when counting is off. */
export function queryCountingLogger(enabled: boolean): Logger | undefined {
  if (!enabled) return undefined;
  const { storage, total } = shared();
  return {
    logQuery(query) {
      const tally = storage.getStore();
      if (!tally) return;
      tally.queries++;
      tally.statements?.push(query);
      total.queries++;
    },
  };
}
