// npm run bench:downloads  (DATABASE_URL of a seeded database, e.g. the scale seed; read-only)
//   -- --program=<key>  (default: the program with the most active and completed awards)
//   -- --only=awards,iati  (default: the three CSVs and the IATI file)
//   -- --batch=<awards per batch>  (default: the lib's own)
//
// Produces each donor download of one program through the same lib function its route uses, as the
// program officer, and reads it to the end as the server would write it to the socket (bytes counted and
// hashed, not kept). Meanwhile perf_hooks.monitorEventLoopDelay watches the event loop. Prints, per file:
// bytes, sha256 (same data, same dates: the same hash before and after a change means the same bytes),
// total time, the longest event-loop stall (wall clock: monitorEventLoopDelay's maximum, and the longest
// gap between two turns of a 1 ms timer), the busiest turn of the loop (the main thread's own CPU time
// between two turns, which a loaded machine does not inflate), and the process's peak RSS (VmHWM, reset
// before each file) and peak heap (sampled every 5 ms and after every chunk). Dates are fixed so that
// the hash is reproducible. On main's code (one string per file) it measures the one-string builders.
//
// The data layer is loaded outside Next.js through scripts/support/server-only-hook.ts, imported first.
import "./support/server-only-hook";

(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";

const { createHash } = await import("node:crypto");
const { readFileSync, writeFileSync } = await import("node:fs");
const { monitorEventLoopDelay } = await import("node:perf_hooks");
const { sql } = await import("drizzle-orm");
const { execRows, getDbHandle } = await import("@/db/client");
const { loadActiveUser } = await import("@/lib/auth/queries");
const exportsLib: Record<string, unknown> = await import("@/lib/exports/queries");
const iatiLib: Record<string, unknown> = await import("@/lib/iati/queries");

const TODAY = "2026-11-28";
const NOW = new Date("2026-11-28T09:00:00Z");

const args = new Map(
  process.argv.slice(2).flatMap((a) => {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    return m ? [[m[1], m[2]] as const] : [];
  }),
);

const batchSize = args.has("batch") ? Number(args.get("batch")) : undefined;

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a seeded database (e.g. postgres://postgres@127.0.0.1:5432/scale_bench).");
  process.exit(2);
}

type Body = string | ReadableStream<Uint8Array>;
const FILES: { name: string; produce: (user: never, programId: string) => Promise<Body> }[] = [
  ...(["awards", "disbursements", "indicator-actuals"] as const).map((file) => ({
    name: `${file}.csv`,
    produce: async (user: never, programId: string): Promise<Body> => {
      // The streamed export when this code has it; main's one-string builder otherwise.
      if (typeof exportsLib.streamProgramCsv === "function") return (await exportsLib.streamProgramCsv(user, programId, file, "en", { today: TODAY, batchSize })).stream;
      return (await (exportsLib.exportProgramCsv as (...a: unknown[]) => Promise<{ body: string }>)(user, programId, file, "en", { today: TODAY })).body;
    },
  })),
  {
    name: "iati.xml",
    produce: async (user: never, programId: string): Promise<Body> => {
      if (typeof iatiLib.streamProgramIati === "function") return (await iatiLib.streamProgramIati(user, programId, { now: NOW, batchSize })).stream;
      return (await (iatiLib.exportProgramIati as (...a: unknown[]) => Promise<{ xml: string }>)(user, programId, { now: NOW })).xml;
    },
  },
];

const handle = await getDbHandle();
const db = handle.db;
const [officer] = await execRows<{ id: string }>(db, sql`SELECT id FROM users WHERE email = 'officer@example.org'`);
const user = (await loadActiveUser(officer.id))!;
const programKey = args.get("program");
const [program] = await execRows<{ id: string; key: string; awards: number }>(
  db,
  sql`
  SELECT p.id, p.key, count(a.id)::int AS awards FROM programs p
    LEFT JOIN awards a ON a.program_id = p.id AND a.status IN ('active', 'completed')
   WHERE ${programKey ? sql`p.key = ${programKey}` : sql`true`}
   GROUP BY p.id, p.key ORDER BY count(a.id) DESC, p.key LIMIT 1`,
);
if (!program) throw new Error(`no program ${programKey ?? ""}`);
const only = args.get("only")?.split(",");

// The main thread's own time on the CPU (ns), from the kernel: on a loaded machine a wall-clock stall
// also counts the time the process waited for a core; this counts only the time it ran.
const threadCpuNs = () => {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]);
  } catch {
    return Number.NaN;
  }
};

/**
 * Between two turns of a 1 ms timer: the longest wall-clock gap and the longest stretch the main thread
 * ran (its own CPU time), both in ms. The gap cross-checks monitorEventLoopDelay's maximum.
 */
function watchTurns() {
  let maxCpu = 0;
  let maxGap = 0;
  let previousCpu = threadCpuNs();
  let previousAt = performance.now();
  let timer: NodeJS.Timeout;
  const tick = () => {
    const cpu = threadCpuNs();
    const at = performance.now();
    maxCpu = Math.max(maxCpu, cpu - previousCpu);
    maxGap = Math.max(maxGap, at - previousAt);
    previousCpu = cpu;
    previousAt = at;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return () => {
    clearTimeout(timer);
    tick();
    clearTimeout(timer);
    return { busiestMs: maxCpu / 1e6, longestGapMs: maxGap };
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rssPeakKb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))![1]);
const resetRssPeak = () => {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // Not Linux, or not allowed: the peak is then the process's peak so far.
  }
};

async function eachChunk(stream: ReadableStream<Uint8Array>, take: (chunk: Uint8Array) => void) {
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    take(value);
  }
}

console.log(`Program ${program.key}: ${program.awards} active and completed awards. Node ${process.version}.`);
console.log("file                         bytes  sha256 (first 16)  total ms  max loop delay  longest gap  busiest turn   peak RSS  peak heap");
for (const file of FILES) {
  if (only && !only.some((o) => file.name.startsWith(o))) continue;
  // A warm-up run, so that the figures are the steady state's (prepared statements, JIT).
  const warm = await file.produce(user as never, program.id);
  if (typeof warm !== "string") await eachChunk(warm, () => {});

  (globalThis as { gc?: () => void }).gc?.();
  resetRssPeak();
  let heapPeak = process.memoryUsage().heapUsed;
  const sample = () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sample, 5);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const turns = watchTurns();
  const start = performance.now();
  const hash = createHash("sha256");
  let bytes = 0;
  const body = await file.produce(user as never, program.id);
  if (typeof body === "string") {
    // main's route hands the string to Response, which encodes it whole before writing it.
    const data = new TextEncoder().encode(body);
    sample();
    hash.update(data);
    bytes = data.byteLength;
  } else {
    await eachChunk(body, (chunk) => {
      sample();
      hash.update(chunk);
      bytes += chunk.byteLength;
    });
  }
  const ms = performance.now() - start;
  // One more turn of the loop so that a stall at the very end is recorded.
  await new Promise((resolve) => setTimeout(resolve, 5));
  loop.disable();
  const { busiestMs, longestGapMs } = turns();
  clearInterval(sampler);
  console.log(
    [
      file.name.padEnd(22),
      String(bytes).padStart(10),
      `  ${hash.digest("hex").slice(0, 16)}`,
      `${ms.toFixed(0).padStart(8)}`,
      `${(loop.max / 1e6).toFixed(0).padStart(11)} ms`,
      `${longestGapMs.toFixed(0).padStart(8)} ms`,
      `${busiestMs.toFixed(0).padStart(10)} ms`,
      `${mb(rssPeakKb() * 1024).padStart(9)}`,
      `${mb(heapPeak).padStart(10)}`,
    ].join("  "),
  );
}
await handle.close();
