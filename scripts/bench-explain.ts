// npm run bench:explain [-- --log=.data/bench-queries.jsonl --min-rows=10000 --top=10]
//
// Reads the queries a benchmark run logged (BENCH_LOG_QUERIES=<file> npm run bench: each distinct SQL text
// once, with the parameters of its first use and the request that made it) and asks DATABASE_URL for the
// plan of each: EXPLAIN (ANALYZE, FORMAT JSON) for a SELECT, run in a read-only transaction, and a plain
// EXPLAIN (FORMAT JSON) for any other statement, which is therefore never executed. It prints every plan
// node that reads a table over --min-rows rows (pg_class.reltuples) by a sequential scan, with the request
// the query came from, and how long the same SELECT takes when the planner is told to avoid sequential
// scans (enable_seqscan off): far slower means the scan reads most of the table and is the right plan, a
// missing index shows as faster. Then the slowest SELECTs. Run it against the database the benchmark used
// (or a copy of it); it changes nothing and asserts nothing.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import postgres from "postgres";
import type { LoggedQuery } from "../lib/bench/query-tally";

const { values: flags } = parseArgs({
  options: {
    log: { type: "string", default: process.env.BENCH_LOG_QUERIES?.trim() || ".data/bench-queries.jsonl" },
    "min-rows": { type: "string", default: "10000" },
    top: { type: "string", default: "10" },
  },
});
const MIN_ROWS = Number(flags["min-rows"]);
const TOP = Number(flags.top);

const DATABASE_URL = process.env.DATABASE_URL?.trim();
if (!DATABASE_URL) {
  console.error("Set DATABASE_URL to the database the benchmark ran against (or a copy of it).");
  process.exit(1);
}
if (!existsSync(flags.log)) {
  console.error(`No query log at ${flags.log}: run \`BENCH_LOG_QUERIES=${flags.log} npm run bench\` first.`);
  process.exit(1);
}

const logged: LoggedQuery[] = readFileSync(flags.log, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as LoggedQuery);

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Schema?: string;
  Filter?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Plan Rows"?: number;
  Plans?: PlanNode[];
}
interface Explained {
  query: LoggedQuery;
  analyzed: boolean;
  executionMs: number | null;
  /** The same SELECT's time with enable_seqscan off, when it had a sequential scan to report. */
  withoutSeqScanMs?: number | null;
  seqScans: { table: string; tableRows: number; filter: string | null; rows: number | null }[];
  error?: string;
}

const sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });

const tableRows = new Map<string, number>();
for (const row of await sql<{ name: string; rows: number }[]>`
  select n.nspname || '.' || c.relname as name, greatest(c.reltuples, 0)::float8 as rows
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'm')`) {
  tableRows.set(row.name, row.rows);
}

// A statement that only reads: a SELECT, or a WITH whose parts write nothing.
const isRead = (text: string) => /^\s*(select|with|\()/i.test(text) && !/\b(insert\s+into|update\s+\S+\s+set|delete\s+from)\b/i.test(text);

function* nodes(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* nodes(child);
}

async function plan(query: LoggedQuery, analyzed: boolean, seqScans = true) {
  const statement = `explain (${analyzed ? "analyze, " : ""}format json) ${query.sql}`;
  const result = await sql.begin("read only", async (tx) => {
    await tx`set local statement_timeout = '60s'`;
    if (!seqScans) await tx`set local enable_seqscan = off`;
    return tx.unsafe(statement, query.params as postgres.ParameterOrJSON<never>[]);
  });
  const [{ "QUERY PLAN": [explained] }] = result as unknown as { "QUERY PLAN": { Plan: PlanNode; "Execution Time"?: number }[] }[];
  return explained;
}

async function explain(query: LoggedQuery): Promise<Explained> {
  const analyzed = isRead(query.sql);
  try {
    const explained = await plan(query, analyzed);
    const seqScans = [];
    for (const node of nodes(explained.Plan)) {
      if (node["Node Type"] !== "Seq Scan" || !node["Relation Name"]) continue;
      const table = `${node.Schema ?? "public"}.${node["Relation Name"]}`;
      const rows = tableRows.get(table) ?? 0;
      if (rows <= MIN_ROWS) continue;
      seqScans.push({ table, tableRows: rows, filter: node.Filter ?? null, rows: node["Actual Rows"] ?? node["Plan Rows"] ?? null });
    }
    const withoutSeqScanMs = analyzed && seqScans.length ? ((await plan(query, true, false))["Execution Time"] ?? null) : undefined;
    return { query, analyzed, executionMs: explained["Execution Time"] ?? null, withoutSeqScanMs, seqScans };
  } catch (error) {
    return { query, analyzed, executionMs: null, seqScans: [], error: error instanceof Error ? error.message : String(error) };
  }
}

const oneLine = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const results: Explained[] = [];
for (const query of logged) results.push(await explain(query));
await sql.end();

const scanning = results.filter((r) => r.seqScans.length);
console.log(`${logged.length} distinct queries from ${flags.log}; ${results.filter((r) => r.analyzed).length} SELECTs run with EXPLAIN ANALYZE.\n`);
console.log(`Sequential scans of tables over ${MIN_ROWS} rows: ${scanning.reduce((n, r) => n + r.seqScans.length, 0)} in ${scanning.length} queries`);
for (const r of scanning) {
  const times = r.executionMs === null ? "" : `, ${r.executionMs.toFixed(1)} ms`;
  const without = r.withoutSeqScanMs == null ? "" : ` (${r.withoutSeqScanMs.toFixed(1)} ms with enable_seqscan off)`;
  console.log(`\n- ${r.query.origin ?? "(outside a request)"}${times}${without}`);
  for (const scan of r.seqScans) {
    console.log(`  Seq Scan on ${scan.table} (${Math.round(scan.tableRows)} rows in the table, ${scan.rows ?? "?"} kept)${scan.filter ? ` filter ${oneLine(scan.filter, 120)}` : ""}`);
  }
  console.log(`  ${oneLine(r.query.sql, 300)}`);
}

const slowest = results
  .filter((r) => r.executionMs !== null)
  .sort((a, b) => b.executionMs! - a.executionMs!)
  .slice(0, TOP);
console.log(`\nSlowest ${slowest.length} SELECTs (EXPLAIN ANALYZE execution time):`);
for (const r of slowest) console.log(`${r.executionMs!.toFixed(1).padStart(9)} ms  ${r.query.origin ?? "(outside a request)"}\n             ${oneLine(r.query.sql)}`);

const failed = results.filter((r) => r.error);
if (failed.length) {
  console.log(`\nNot explained (${failed.length}):`);
  for (const r of failed) console.log(`- ${r.error}: ${oneLine(r.query.sql)}`);
}
