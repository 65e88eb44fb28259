// The benchmark's probe (BENCH_COUNT_QUERIES=1): each request's SQL queries counted through the drizzle
// logger of db/client.ts, reported in its x-sql-queries header and in the stats endpoint, with the
// server's longest event-loop stall; and no counting without the setting.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import { queryCountingLogger, queryTallyStorage, totalRequestQueries, type LoggedQuery } from "./query-tally";
import { installServerProbe, STATS_PATH } from "./server-probe";

const dbOptions = () => (process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, max: 2 } : { pgliteDir: "memory" });

describe("the query counter", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is drizzle's no-op logger unless the benchmark switches it on", async () => {
    expect(queryCountingLogger({ count: false })).toBeUndefined();
    vi.stubEnv("BENCH_COUNT_QUERIES", "");
    const handle = await openDb(dbOptions());
    try {
      const before = totalRequestQueries();
      await queryTallyStorage().run({ queries: 0 }, () => handle.db.execute(sql`select 1`));
      expect(totalRequestQueries()).toBe(before);
    } finally {
      await handle.close();
    }
  });

  it("counts the queries made inside a request's tally only", async () => {
    vi.stubEnv("BENCH_COUNT_QUERIES", "1");
    const handle = await openDb(dbOptions());
    try {
      const tally = { queries: 0 };
      const before = totalRequestQueries();
      await queryTallyStorage().run(tally, async () => {
        await handle.db.execute(sql`select 1`);
        await handle.db.transaction(async (tx) => {
          await tx.execute(sql`select 2`);
          await tx.execute(sql`select 3`);
        });
      });
      await handle.db.execute(sql`select 4`); // a background job's query, outside any request
      expect(tally.queries).toBe(3);
      expect(totalRequestQueries() - before).toBe(3);
    } finally {
      await handle.close();
    }
  });
});

describe("the query log", () => {
  it("writes each distinct SQL text once, with the parameters of its first use and the request that made it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "query-log-"));
    const file = path.join(dir, "queries.jsonl");
    vi.stubEnv("BENCH_LOG_QUERIES", file);
    const handle = await openDb(dbOptions());
    try {
      await queryTallyStorage().run({ queries: 0, origin: "GET /requests?page=2" }, async () => {
        await handle.db.execute(sql`select ${1}::int as n, ${"2026-01-02"}::date as d`);
        await handle.db.execute(sql`select ${2}::int as n, ${"2026-01-03"}::date as d`);
      });
      await handle.db.execute(sql`select ${"job"}::text as job`);
      const lines = readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line) as LoggedQuery);
      expect(lines).toHaveLength(2);
      expect(lines[0].params).toEqual([1, "2026-01-02"]);
      expect(lines[0].origin).toBe("GET /requests?page=2");
      expect(lines[1]).toMatchObject({ params: ["job"], origin: null });
    } finally {
      await handle.close();
      vi.unstubAllEnvs();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the server probe", () => {
  let handle: DbHandle;
  let uninstall: () => void;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    vi.stubEnv("BENCH_COUNT_QUERIES", "1");
    handle = await openDb(dbOptions());
    uninstall = installServerProbe();
    server = http.createServer(async (req, res) => {
      await handle.db.execute(sql`select 1`);
      await handle.db.execute(sql`select 2`);
      if (req.url === "/stall") {
        const until = Date.now() + 150;
        while (Date.now() < until); // the event loop stands still
      }
      if (req.url === "/streamed") {
        res.writeHead(200);
        res.write("head ");
        await handle.db.execute(sql`select 3`);
      }
      res.end("done");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    uninstall();
    await new Promise((resolve) => server.close(resolve));
    await handle.close();
    vi.unstubAllEnvs();
  });

  const stats = async (reset = false) =>
    (await (await fetch(`${base}${STATS_PATH}${reset ? "?reset=1" : ""}`)).json()) as { requests: number; queries: number; maxEventLoopDelayMs: number; rssBytes: number };

  it("answers each request with the queries it made before its headers, and counts all of them in the stats", async () => {
    const before = await stats();
    const plain = await fetch(`${base}/plain`);
    expect(plain.headers.get("x-sql-queries")).toBe("2");
    const streamed = await fetch(`${base}/streamed`);
    expect(streamed.headers.get("x-sql-queries")).toBe("2");
    expect(await streamed.text()).toBe("head done");
    const after = await stats();
    expect(after.requests - before.requests).toBe(2);
    expect(after.queries - before.queries).toBe(5);
    expect(after.rssBytes).toBeGreaterThan(0);
  });

  it("reports the longest event-loop stall since the last reset", async () => {
    await stats(true);
    await fetch(`${base}/plain`);
    expect((await stats()).maxEventLoopDelayMs).toBeLessThan(100);
    await fetch(`${base}/stall`);
    // The monitor records a stall when its next timer runs after it: give that timer its turn before
    // asking (on a loaded machine the stats request could otherwise be served first).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await stats(true)).maxEventLoopDelayMs).toBeGreaterThanOrEqual(140);
    expect((await stats()).maxEventLoopDelayMs).toBeLessThan(100);
  });
});
