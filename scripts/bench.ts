// npm run bench [-- --duration=5 --connections=20 --only=csv --skip=pdf,iati]
// BENCH_DEMO_DATABASE_URL=<demo db> DATABASE_URL=<scale db> npm run bench [-- ...]
//
// Needs a production build (`next build`) and DATABASE_URL: a migrated, seeded PostgreSQL database (the
// scale data, or the demo data of `npm run db:seed`). Starts `next start` on a free port against it with
// BENCH_COUNT_QUERIES=1, gives one account of each role a session, finds a request, an award, a program
// and a country in the data, then loads each key page as the role that uses it with autocannon and prints
// one table: requests per second, p50 and p99 latency, the ratio to the reference page (the signed-in
// 404 page, measured the same way in the same run), SQL queries per request, response bytes, and the
// server's longest event-loop stall while the page was loaded. It asserts nothing.
//
// With BENCH_DEMO_DATABASE_URL as well, one run measures both databases, one after the other (a server
// each, the same pages and flags): each prints its own table, then one table sets the demo figures beside
// the scale ones, with the growth of the queries per request (scale ÷ demo).
// With BENCH_LOG_QUERIES=<file>, the server for DATABASE_URL logs each distinct SQL query it sends into
// that file (emptied first), for `npm run bench:explain`.
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { benchSessions, startBenchServer } from "./support/bench-server";

const root = path.resolve(import.meta.dirname, "..");
const { values: flags } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "20" },
    only: { type: "string" },
    skip: { type: "string" },
  },
});
const DURATION = Number(flags.duration);
const CONNECTIONS = Number(flags.connections);

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build in .next: run `npm run build` first, then `npm run bench`.");
  process.exit(1);
}
const DATABASE_URL = process.env.DATABASE_URL?.trim();
if (!DATABASE_URL) {
  console.error("Set DATABASE_URL to a migrated, seeded PostgreSQL database (e.g. after `npm run db:migrate && npm run db:seed`).");
  process.exit(1);
}
// Where a run for one of two databases leaves its figures for the run that compares them.
const ROWS_FILE = process.env.BENCH_ROWS_FILE?.trim();
const DEMO_DATABASE_URL = process.env.BENCH_DEMO_DATABASE_URL?.trim();
if (DEMO_DATABASE_URL && !ROWS_FILE) {
  await compareDemoAndScale(DEMO_DATABASE_URL, DATABASE_URL);
  process.exit(0);
}
const LOG_FILE = process.env.BENCH_LOG_QUERIES?.trim();
if (LOG_FILE) writeFileSync(LOG_FILE, "");

type Role = "program_officer" | "focal_point" | "approver" | "donor";
const sql = postgres(DATABASE_URL, { max: 2, onnotice: () => {} });

/** One active account of the role: the demo one if it exists, else the one with the most data in view. */
async function accountFor(role: Role, demoEmail: string): Promise<{ id: string; email: string; countryIso2: string | null; organizationId: string | null }> {
  const rows = await sql<{ id: string; email: string; countryIso2: string | null; organizationId: string | null }[]>`
    select u.id, u.email, u.country_iso2 as "countryIso2", u.organization_id as "organizationId"
    from users u join user_roles r on r.user_id = u.id
    where r.role = ${role} and u.is_active
    order by (u.email = ${demoEmail}) desc,
      (select count(*) from assistance_requests a where a.country_iso2 = u.country_iso2) desc,
      (select count(*) from program_donors d where d.organization_id = u.organization_id) desc,
      u.email
    limit 1`;
  if (!rows[0]) throw new Error(`No active ${role} account in the database.`);
  return rows[0];
}

const accounts = {
  program_officer: await accountFor("program_officer", "officer@example.org"),
  focal_point: await accountFor("focal_point", "focal.gt@example.org"),
  approver: await accountFor("approver", "approver@example.org"),
  donor: await accountFor("donor", "donor.inl@example.org"),
};
// Complete sessions, as a sign-in leaves them; removed again at the end.
const { tokens, end: cleanUp } = await benchSessions(sql, accounts);

/** Ids the pages need, chosen from the data: the busiest of each, so that their pages have content. */
async function discoverIds() {
  const donorOrg = accounts.donor.organizationId;
  const [program] = await sql<{ id: string }[]>`
    select p.id from programs p
    order by exists (select 1 from program_donors d where d.program_id = p.id and d.organization_id = ${donorOrg}) desc,
      (select count(*) from awards a where a.program_id = p.id) desc, p.key
    limit 1`;
  if (!program) throw new Error("No program in the database: seed it first (`npm run db:seed`).");
  const awards = await sql<{ id: string; countryIso2: string }[]>`
    select a.id, a.country_iso2 as "countryIso2" from awards a where a.program_id = ${program.id}
    order by (select count(*) from award_tranches t join disbursements d on d.tranche_id = t.id where t.award_id = a.id) desc, a.reference
    limit 20`;
  const requests = await sql<{ id: string; title: string | null }[]>`
    select id, coalesce(title_en, title_es) as title from assistance_requests
    where status <> 'draft' order by updated_at desc limit 20`;
  const [{ count }] = await sql<{ count: number }[]>`select count(*)::int as count from assistance_requests`;
  // For the program PDF at two sizes: the programs whose reported awards are nearest 100 and 1,000
  // (within a factor of 1.5; the scale seed has one of each), as their donor when it is the bench's.
  const sized = await sql<{ id: string; awards: number; funded: boolean }[]>`
    select p.id, count(*)::int as awards,
      exists (select 1 from program_donors d where d.program_id = p.id and d.organization_id = ${donorOrg}) as funded
    from programs p join awards a on a.program_id = p.id and a.status in ('active', 'completed')
    group by p.id`;
  const nearest = (n: number) => sized.filter((s) => s.awards >= n / 1.5 && s.awards <= n * 1.5).sort((a, b) => Math.abs(a.awards - n) - Math.abs(b.awards - n))[0];
  const word = requests.map((r) => r.title?.split(/\s+/).find((w) => w.length >= 5)).find(Boolean) ?? "training";
  return {
    programId: program.id,
    awardIds: awards.map((a) => a.id),
    requestIds: requests.map((r) => r.id),
    country: awards[0]?.countryIso2 ?? "GT",
    deepPage: Math.max(2, Math.floor((count / 20) * 0.8)),
    searchWord: word.replace(/[^\p{L}\p{N}-]/gu, ""),
    pdfPrograms: [
      { name: "program PDF 100 awards", program: nearest(100) },
      { name: "program PDF 1,000 awards", program: nearest(1_000) },
    ],
  };
}
const ids = await discoverIds().catch(async (error: unknown) => {
  await cleanUp();
  throw error;
});

interface PageSpec {
  name: string;
  /** What pairs the page's rows of a demo and a scale run (the name, where it carries no id, page or word). */
  key?: string;
  role: Role;
  /** Candidate paths: the first that answers 200 is measured (an id the role may not see gives 404). */
  paths: string[];
  download?: boolean;
}
const p = `/dashboards/${ids.programId}`;
const REFERENCE: PageSpec = { name: "404 (reference)", role: "program_officer", paths: ["/bench-no-such-page"] };
const PAGES: PageSpec[] = [
  { name: "officer home", role: "program_officer", paths: ["/"] },
  { name: "/requests", role: "program_officer", paths: ["/requests"] },
  { name: `/requests page ${ids.deepPage}`, key: "/requests deep page", role: "program_officer", paths: [`/requests?page=${ids.deepPage}`] },
  { name: `/requests?q=${ids.searchWord}`, key: "/requests search", role: "program_officer", paths: [`/requests?q=${encodeURIComponent(ids.searchWord)}`] },
  { name: "/requests/[id]", role: "program_officer", paths: ids.requestIds.map((id) => `/requests/${id}`) },
  { name: "/awards", role: "program_officer", paths: ["/awards"] },
  { name: "/awards/[id]", role: "program_officer", paths: ids.awardIds.map((id) => `/awards/${id}`) },
  { name: "/approvals", role: "approver", paths: ["/approvals"] },
  { name: "/programs", role: "program_officer", paths: ["/programs"] },
  { name: "focal /requests", role: "focal_point", paths: ["/requests"] },
  { name: "focal /awards", role: "focal_point", paths: ["/awards"] },
  { name: "donor home", role: "donor", paths: ["/"] },
  { name: "/dashboards", role: "donor", paths: ["/dashboards"] },
  { name: "program dashboard", role: "donor", paths: [p] },
  { name: "country page", role: "donor", paths: [`${p}/countries/${ids.country}`] },
  { name: "donor award page", role: "donor", paths: ids.awardIds.map((id) => `${p}/awards/${id}`) },
  { name: "awards.csv", role: "donor", paths: [`${p}/export/awards.csv`], download: true },
  { name: "disbursements.csv", role: "donor", paths: [`${p}/export/disbursements.csv`], download: true },
  { name: "indicator-actuals.csv", role: "donor", paths: [`${p}/export/indicator-actuals.csv`], download: true },
  { name: "iati.xml", role: "donor", paths: [`${p}/iati.xml`], download: true },
  { name: "program report.pdf", role: "donor", paths: [`${p}/report.pdf`], download: true },
  { name: "award report.pdf", role: "donor", paths: ids.awardIds.map((id) => `${p}/awards/${id}/report.pdf`), download: true },
  ...ids.pdfPrograms.flatMap(({ name, program }): PageSpec[] =>
    program ? [{ name: `${name} (${program.awards})`, key: name, role: program.funded ? "donor" : "program_officer", paths: [`/dashboards/${program.id}/report.pdf`], download: true }] : [],
  ),
];

/** Resident memory of the process and its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const queue = [pid]; queue.length; ) {
    const next = queue.pop()!;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${next}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // ended
    }
    queue.push(...(children.get(next) ?? []));
  }
  return total;
}

interface Stats {
  requests: number;
  queries: number;
  maxEventLoopDelayMs: number;
}
interface Row {
  page: string;
  key: string;
  role: Role;
  status: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  queries: number;
  bytes: number;
  stallMs: number;
  download: boolean;
}

async function measure(base: string, spec: PageSpec): Promise<Row> {
  const headers = { cookie: `authjs.session-token=${tokens[spec.role]}`, "accept-encoding": "identity" };
  let chosen = spec.paths[0];
  let status = 0;
  let bytes = 0;
  for (const candidate of spec.paths) {
    const res = await fetch(base + candidate, { headers, redirect: "manual" });
    const body = await res.arrayBuffer();
    chosen = candidate;
    status = res.status;
    bytes = body.byteLength;
    if (res.status === 200) break;
  }
  const stats = async (reset = false): Promise<Stats> => (await fetch(`${base}/__bench/stats${reset ? "?reset=1" : ""}`)).json() as Promise<Stats>;
  const before = await stats(true);
  // A download can take longer than the measuring window under 20 connections (all of them share the
  // server), which would leave no completed request to count: downloads are measured by one request per
  // connection instead, rps being those requests over the time they took.
  const started = performance.now();
  const result = spec.download
    ? await autocannon({ url: base + chosen, connections: CONNECTIONS, amount: CONNECTIONS, headers, timeout: 600 })
    : await autocannon({ url: base + chosen, connections: CONNECTIONS, duration: DURATION, headers, timeout: 60 });
  const elapsedSeconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 200)); // work a response leaves for after it was sent
  const after = await stats();
  const served = after.requests - before.requests;
  return {
    page: spec.name,
    key: spec.key ?? spec.name,
    role: spec.role,
    status,
    // Over the wall time of the downloads (autocannon's own duration is in whole seconds).
    rps: spec.download ? result.requests.total / elapsedSeconds : result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + (spec === REFERENCE ? 0 : result.non2xx),
    queries: served ? (after.queries - before.queries) / served : 0,
    bytes,
    stallMs: after.maxEventLoopDelayMs,
    download: Boolean(spec.download),
  };
}

function printTable(rows: Row[], reference: Row, maxRss: number) {
  const header = ["page", "role", "status", "rps", "p50 ms", "p99 ms", "× ref", "queries/req", "bytes", "max stall ms", "errors"];
  const cells = rows.map((r) => [
    r.page,
    r.role,
    String(r.status),
    r.rps.toFixed(1),
    r.p50.toFixed(0),
    r.p99.toFixed(0),
    (r.rps / reference.rps).toFixed(2),
    r.queries.toFixed(1),
    String(r.bytes),
    r.download || r === reference ? r.stallMs.toFixed(0) : "",
    r.errors ? String(r.errors) : "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => (i < 2 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i < 2 ? ":" : "-") + "-".repeat(w) + (i < 2 ? "-" : ":")).join("|")}|`);
  for (const c of cells) console.log(line(c));
  console.log(`\n${CONNECTIONS} connections, ${DURATION} s per page; × ref: rps relative to the signed-in 404 page of the same run.`);
  console.log(`Max stall: the server's longest event-loop delay while the download (or the reference) was loaded. Server RSS max: ${(maxRss / 2 ** 20).toFixed(0)} MiB.`);
}

const server = await startBenchServer(DATABASE_URL, { BENCH_COUNT_QUERIES: "1", BENCH_LOG_QUERIES: LOG_FILE ?? "" }).catch(async (error: unknown) => {
  await cleanUp();
  throw error;
});
let maxRss = 0;
const sampler = setInterval(() => (maxRss = Math.max(maxRss, treeRss(server.pid))), 250);
try {
  console.log(`Server ${server.base} (pid ${server.pid}); accounts: ${Object.values(accounts).map((a) => a.email).join(", ")}`);
  const skipped = (flags.skip ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const selected = PAGES.filter((page) => (!flags.only || page.name.includes(flags.only)) && !skipped.some((s) => page.name.includes(s)));
  // Once around first, so that no page is measured cold.
  for (const spec of [REFERENCE, ...selected]) await fetch(server.base + spec.paths[0], { headers: { cookie: `authjs.session-token=${tokens[spec.role]}` } }).then((r) => r.arrayBuffer());
  // And the reference under load for a while, so that it is not measured before the server is warm.
  const warmHeaders = { cookie: `authjs.session-token=${tokens[REFERENCE.role]}` };
  await autocannon({ url: server.base + REFERENCE.paths[0], connections: CONNECTIONS, duration: Math.min(DURATION, 3), headers: warmHeaders });
  const reference = await measure(server.base, REFERENCE);
  const rows = [reference];
  for (const spec of selected) {
    const row = await measure(server.base, spec);
    rows.push(row);
    process.stderr.write(`  ${row.page}: ${row.rps.toFixed(1)} rps\n`);
  }
  printTable(rows, reference, maxRss);
  if (ROWS_FILE) writeFileSync(ROWS_FILE, JSON.stringify({ rows, maxRss } satisfies RunFigures));
} finally {
  clearInterval(sampler);
  await server.stop();
  await cleanUp();
}

interface RunFigures {
  rows: Row[];
  maxRss: number;
}

/**
 * Runs this script once per database (demo first, then scale; a server each, the same flags), then prints
 * their figures side by side. Rows pair up by their page's key (names may differ where they carry a page
 * number or a search word of their data); a page only one database has (a program PDF of a size the demo
 * data has no program of) shows a dash on the other side.
 */
async function compareDemoAndScale(demoUrl: string, scaleUrl: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-"));
  const run = (label: string, url: string, logQueries: boolean) =>
    new Promise<RunFigures>((resolve, reject) => {
      console.log(`\n## ${label}\n`);
      const rowsFile = path.join(dir, `${label}.json`);
      const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, BENCH_ROWS_FILE: rowsFile };
      if (!logQueries) delete env.BENCH_LOG_QUERIES;
      const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" });
      child.once("error", reject);
      child.once("exit", (code) => {
        if (code !== 0) return reject(new Error(`The ${label} run failed (exit code ${code}).`));
        resolve(JSON.parse(readFileSync(rowsFile, "utf8")) as RunFigures);
      });
    });
  try {
    const demo = await run("demo", demoUrl, false);
    const scale = await run("scale", scaleUrl, true);
    printComparison(demo, scale);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printComparison(demo: RunFigures, scale: RunFigures) {
  const header = ["page", "role", "rps demo", "rps scale", "p99 ms demo", "p99 ms scale", "queries demo", "queries scale", "queries ×", "bytes demo", "bytes scale", "× ref scale"];
  const [demoRef, scaleRef] = [demo.rows[0], scale.rows[0]];
  const growth = (d: number, s: number) => (d === 0 ? (s === 0 ? "1.00" : "∞") : (s / d).toFixed(2));
  const demoByKey = new Map(demo.rows.map((d) => [d.key, d]));
  const cells = scale.rows.map((s) => {
    const d = demoByKey.get(s.key);
    const dash = "–";
    return [
      s.page,
      s.role,
      d ? d.rps.toFixed(1) : dash,
      s.rps.toFixed(1),
      d ? d.p99.toFixed(0) : dash,
      s.p99.toFixed(0),
      d ? d.queries.toFixed(1) : dash,
      s.queries.toFixed(1),
      d ? growth(d.queries, s.queries) : dash,
      d ? String(d.bytes) : dash,
      String(s.bytes),
      (s.rps / scaleRef.rps).toFixed(2),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => (i < 2 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(" | ")} |`;
  console.log("\n## demo and scale\n");
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i < 2 ? ":" : "-") + "-".repeat(w) + (i < 2 ? "-" : ":")).join("|")}|`);
  for (const c of cells) console.log(line(c));
  console.log(`\nqueries ×: queries per request at scale ÷ at demo size. × ref scale: rps relative to the scale run's signed-in 404 page (the demo run's: ${demoRef.rps.toFixed(1)} rps).`);
  console.log(`Server RSS max: demo ${(demo.maxRss / 2 ** 20).toFixed(0)} MiB, scale ${(scale.maxRss / 2 ** 20).toFixed(0)} MiB.`);
}
