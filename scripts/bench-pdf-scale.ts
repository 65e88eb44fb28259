// The program PDF at scale, for `npm run bench:pdf -- --scale` (see scripts/bench-pdf.ts): DATABASE_URL is a
// database seeded with the scale data (`npx tsx db/seed-cli.ts --scale`), read and never written. For the
// scale program whose reported awards are closest to 100 and the one closest to 1,000, it times what the
// report route does: the SQL (the report's data, visibility-checked), the render in place, and the render on
// the PDF worker thread, and prints pages, bytes and the process's memory (resident set) with the worker.
export {};

const { default: postgres } = await import("postgres");
const { loadActiveUser } = await import("@/lib/auth/queries");
const { getProgramReport } = await import("@/lib/dashboards/queries");
const { renderProgramReport } = await import("@/lib/pdf/render");
const { PdfWorker } = await import("@/lib/pdf/pool");

const WARMUPS = 1;
const RUNS = 5;
const url = process.env.DATABASE_URL?.trim();
if (!url) throw new Error("--scale reads a seeded scale database: set DATABASE_URL");

const sql = postgres(url, { max: 1, onnotice: () => {} });
const programRows = await sql<{ id: string; key: string; awards: number }[]>`
  select p.id, p.key, count(a.id)::int as awards from programs p
  join awards a on a.program_id = p.id and a.status in ('active', 'completed')
  where p.key like 'scale-%' group by p.id, p.key order by p.key`;
const [officerRow] = await sql<{ id: string }[]>`
  select u.id from users u join user_roles r on r.user_id = u.id where r.role = 'program_officer' and u.is_active order by u.email limit 1`;
await sql.end();
const officer = await loadActiveUser(officerRow.id);
if (!officer) throw new Error("no active program officer");
const closest = (n: number) => [...programRows].sort((a, b) => Math.abs(Math.log(a.awards / n)) - Math.abs(Math.log(b.awards / n)))[0];
const chosen = [...new Set([closest(100), closest(1_000)])];

const pages = (pdf: Uint8Array) => (Buffer.from(pdf).toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

// First what the route does, SQL then the render on the PDF worker thread, with the process's memory:
// before the worker, with the worker started and idle, and at the peak of its renders.
const rssBefore = process.memoryUsage.rss();
const worker = new PdfWorker();
await worker.render({ kind: "program", overview: await getProgramReport(officer, chosen[0].id) }, "en");
await new Promise((resolve) => setTimeout(resolve, 500));
const rssIdle = process.memoryUsage.rss();
peakRss = rssIdle;
type Figures = { sql: number[]; worker: number[]; render: number[]; renderCpu: number[]; pdf: Uint8Array };
const figures = new Map<string, Figures>(chosen.map((p) => [p.id, { sql: [], worker: [], render: [], renderCpu: [], pdf: new Uint8Array() }]));
for (const program of chosen) {
  const f = figures.get(program.id)!;
  for (let run = 0; run < WARMUPS + RUNS; run++) {
    const loaded = await timed(() => getProgramReport(officer, program.id));
    const viaWorker = await timed(() => worker.render({ kind: "program", overview: loaded.value }, run % 2 ? "es" : "en"));
    if (run < WARMUPS) continue;
    f.sql.push(loaded.ms);
    f.worker.push(viaWorker.ms);
    f.pdf = viaWorker.value;
  }
}
const rssWorkerPeak = peakRss;
await worker.close();

// Then the render in place on this thread, its wall and CPU time (the machine may be shared: CPU time is
// what the render costs whatever else runs).
for (const program of chosen) {
  const f = figures.get(program.id)!;
  const report = await getProgramReport(officer, program.id);
  for (let run = 0; run < WARMUPS + RUNS; run++) {
    const cpu = process.cpuUsage();
    const rendered = await timed(() => renderProgramReport(report, run % 2 ? "es" : "en"));
    if (run < WARMUPS) continue;
    f.renderCpu.push(cpuMs(cpu));
    f.render.push(rendered.ms);
  }
}
clearInterval(sampler);

console.log(`Program PDF at scale (${url.replace(/\/\/[^@]*@/, "//")}), Node ${process.version}, NODE_ENV=${process.env.NODE_ENV}; median of ${RUNS} runs after ${WARMUPS} warm-up:`);
console.log("| program | awards | SQL ms | render ms (CPU ms) | total ms | via worker ms | pages | bytes |");
console.log("|:--|--:|--:|--:|--:|--:|--:|--:|");
for (const program of chosen) {
  const f = figures.get(program.id)!;
  const [s, r, c, w] = [median(f.sql), median(f.render), median(f.renderCpu), median(f.worker)];
  console.log(`| ${program.key} | ${program.awards} | ${s.toFixed(0)} | ${r.toFixed(0)} (${c.toFixed(0)}) | ${(s + r).toFixed(0)} | ${(s + w).toFixed(0)} | ${pages(f.pdf)} | ${f.pdf.byteLength} |`);
}
console.log("total = SQL + render in place; via worker = SQL + the render on the PDF worker thread (what the route does).");
console.log(`Resident memory of this process: ${mib(rssBefore)} before the PDF worker, ${mib(rssIdle)} with it started and idle, ${mib(rssWorkerPeak)} at the peak of its renders.`);
process.exit(0);
