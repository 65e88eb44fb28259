// `npm run bench` only (BENCH_COUNT_QUERIES=1; instrumentation.ts installs this then, never otherwise).
// Every request the server receives runs with its own query tally (lib/bench/query-tally.ts); its
// response carries the queries counted until its headers were sent as `x-sql-queries`. GET
// /__bench/stats answers, before the portal sees it, with the requests and queries since the start,
// the longest event-loop stall since the last `?reset=1` and the process's resident memory.
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { queryTallyStorage, totalRequestQueries, type QueryTally } from "./query-tally";

export const STATS_PATH = "/__bench/stats";

/** Installs the probe on every HTTP server of the process; the function it returns removes it again. */
export function installServerProbe(): () => void {
  const storage = queryTallyStorage();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let requests = 0;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return Reflect.apply(emit, this, [event, ...args]) as boolean;
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    if (req.url?.startsWith(STATS_PATH)) {
      const body = {
        requests,
        queries: totalRequestQueries(),
        maxEventLoopDelayMs: loopDelay.max / 1e6,
        rssBytes: process.memoryUsage.rss(),
      };
      if (req.url.includes("reset=1")) loopDelay.reset();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      return true;
    }
    requests++;
    const tally: QueryTally = { queries: 0, origin: `${req.method} ${req.url}` };
    const writeHead = res.writeHead;
    res.writeHead = function (this: http.ServerResponse, ...headArgs: Parameters<typeof writeHead>) {
      if (!this.headersSent) this.setHeader("x-sql-queries", String(tally.queries));
      return writeHead.apply(this, headArgs);
    } as typeof writeHead;
    return storage.run(tally, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
  } as typeof emit;
  return () => {
    http.Server.prototype.emit = emit;
    loopDelay.disable();
  };
}
