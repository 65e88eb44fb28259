// npx tsx scripts/page-queries.ts [--sql]   (--sql: print each query, shortened)
//
// SQL queries per page without a production build: with DATABASE_URL of a seeded database (demo or
// scale), runs the data loaders each key page calls, as the role that uses it, inside one emulated React
// request (so that React cache() shares lookups within a page as it does when Next.js renders it) and
// prints the queries each made (the second of two loads, the first warming up), counted by the
// benchmark's query logger, and how long that load took. The session lookup of every
// page (the reference page's share) is not included. `npm run bench` measures the real pages; this is
// the quick check while changing a loader. It writes nothing and asserts nothing.
import "./support/server-only-hook";
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import path from "node:path";
import postgres from "postgres";

process.env.BENCH_COUNT_QUERIES = "1";
const showSql = process.argv.includes("--sql");
const DATABASE_URL = process.env.DATABASE_URL?.trim();
if (!DATABASE_URL) {
  console.error("Set DATABASE_URL to a migrated, seeded PostgreSQL database.");
  process.exit(1);
}

// React cache() memoizes only inside a server render, where React's dispatcher hands out the request's
// cache. Outside Next.js, "react" is the client build, whose cache() memoizes nothing: put the server
// build's cache() in its place (before any module of the app is loaded), with a dispatcher that gives
// each `queriesOf` call a cache of its own, as each request has when Next.js renders a page.
const require = createRequire(import.meta.url);
const serverReact = require(path.join(path.dirname(require.resolve("react")), "cjs/react.react-server.development.js"));
require("react").cache = serverReact.cache;
const internals = serverReact.__SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE as { A: unknown };
const requestCache = new AsyncLocalStorage<Map<() => unknown, unknown>>();
internals.A = {
  getCacheForType<T>(create: () => T): T {
    const cache = requestCache.getStore();
    if (!cache) return create();
    if (!cache.has(create)) cache.set(create, create());
    return cache.get(create) as T;
  },
  getOwner: () => null,
  cacheSignal: () => null,
};

const { queryTallyStorage } = await import("../lib/bench/query-tally");
const { loadActiveUser } = await import("../lib/auth/queries");
const { getRequest, getRequestTimeline } = await import("../lib/requests/queries");
const { loadRequestPanels } = await import("../app/requests/[id]/panels");
const { getAward } = await import("../lib/awards/queries");
const { loadAwardDelivery } = await import("../app/awards/[id]/delivery");
const { getAwardReporting, listIndicatorLibrary } = await import("../lib/reporting/queries");
const { loadHome } = await import("../app/load-home");
const { getAwardOverview, getProgramOverview } = await import("../lib/dashboards/queries");
const { getDbHandle } = await import("../db/client");

const sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
async function accountId(role: string, demoEmail: string) {
  const [row] = await sql<{ id: string }[]>`
    select u.id from users u join user_roles r on r.user_id = u.id where r.role = ${role} and u.is_active
    order by (u.email = ${demoEmail}) desc, u.email limit 1`;
  return row.id;
}
const user = async (role: string, email: string) => (await loadActiveUser(await accountId(role, email)))!;
const officer = await user("program_officer", "officer@example.org");
const focal = await user("focal_point", "focal.gt@example.org");
const partner = await user("implementing_partner", "partner.oas@example.org");
const donor = await user("donor", "donor.inl@example.org");

// The same records as `npm run bench` picks: the busiest program of the donor, its most disbursed award.
const [program] = await sql<{ id: string }[]>`
  select p.id from programs p
  order by exists (select 1 from program_donors d where d.program_id = p.id and d.organization_id = ${donor.organizationId}) desc,
    (select count(*) from awards a where a.program_id = p.id) desc, p.key
  limit 1`;
const [award] = await sql<{ id: string; countryIso2: string }[]>`
  select a.id, a.country_iso2 as "countryIso2" from awards a where a.program_id = ${program.id} and a.status in ('active', 'completed')
  order by (select count(*) from award_tranches t join disbursements d on d.tranche_id = t.id where t.award_id = a.id) desc, a.reference
  limit 1`;
const [request] = await sql<{ id: string }[]>`
  select id from assistance_requests where status <> 'draft' order by updated_at desc limit 1`;
const [{ counts }] = await sql<{ counts: string }[]>`
  select (select count(*) from assistance_requests) || ' requests, ' || (select count(*) from awards) || ' awards' as counts`;
await sql.end();

/** The queries `load` makes inside one emulated request. */
async function queriesOf(load: () => Promise<unknown>, statements?: string[]): Promise<number> {
  const tally = { queries: 0, statements };
  await requestCache.run(new Map(), () => queryTallyStorage().run(tally, load));
  return tally.queries;
}

const pages: [string, () => Promise<unknown>][] = [
  ["officer home", () => loadHome(officer)],
  ["focal point home", () => loadHome(focal)],
  ["partner home", () => loadHome(partner)],
  ["donor home", () => loadHome(donor)],
  [
    "/requests/[id] (officer)",
    async () => {
      const [detail] = await Promise.all([getRequest(officer, request.id), getRequestTimeline(officer, request.id)]);
      await loadRequestPanels(officer, detail.id);
    },
  ],
  [
    "/awards/[id] (officer)",
    async () => {
      const a = await getAward(officer, award.id);
      await loadAwardDelivery(officer, a.id);
      const reporting = await getAwardReporting(officer, a.id);
      if (reporting.canEditIndicators) await listIndicatorLibrary();
    },
  ],
  ["program dashboard (donor)", () => getProgramOverview(donor, program.id)],
  ["country page (donor)", () => getProgramOverview(donor, program.id, { country: award.countryIso2 })],
  ["donor award page", () => getAwardOverview(donor, award.id, { programId: program.id })],
];

console.log(`Queries per page (session lookup not included) and the time of one load, ${counts}:`);
for (const [name, load] of pages) {
  const first = await queriesOf(load);
  const statements: string[] = [];
  const started = performance.now();
  const second = await queriesOf(load, showSql ? statements : undefined);
  const ms = (performance.now() - started).toFixed(0);
  console.log(`  ${name.padEnd(28)} ${String(second).padStart(4)} queries ${ms.padStart(6)} ms${first !== second ? `  (first load: ${first} queries)` : ""}`);
  for (const s of statements) console.log(`      ${s.replace(/\s+/g, " ").slice(0, 160)}`);
}
await (await getDbHandle()).close();
