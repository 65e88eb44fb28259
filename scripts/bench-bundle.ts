// npm run bench:bundle [-- --only=form --runs=3]
//
// What the browser downloads and how soon the request form takes input. Needs a production build
// (`next build`) and DATABASE_URL: a migrated PostgreSQL database with the demo data (`npm run db:migrate
// && npm run db:seed`) or the scale data. Starts `next start` on a free port against it, gives one account
// of each role a complete session (as bench.ts does), then in Chromium (playwright-core, /usr/bin/chromium
// or $CHROMIUM_PATH):
//
// 1. loads each key page as the role that uses it and sums the scripts the browser fetched up to the
//    load event (the page's first-load JS): their size as served (gzip, as `next start` compresses) and
//    decoded, how many there are, whether the chart library (recharts) is among them, and the scripts
//    fetched after the load event until the network is idle (chunks loaded on demand, prefetches);
// 2. opens the request form (/requests/new as the Guatemalan focal point) under two slow profiles
//    (400 kbit/s with a 400 ms round trip, and Lighthouse's mobile "slow 4G") with the CPU slowed 4×,
//    and measures first contentful paint and the moment the form is hydrated (its data-hydrated marker,
//    set by a client effect), then checks that a typed character stays and that client validation
//    answers an empty submit without a round trip to the server.
//
// It prints tables and asserts nothing.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { findChromium } from "./find-chromium.mjs";
import { benchSessions, startBenchServer } from "./support/bench-server";

const root = path.resolve(import.meta.dirname, "..");
const { values: flags } = parseArgs({ options: { only: { type: "string" }, runs: { type: "string", default: "3" } } });
const RUNS = Math.max(1, Number(flags.runs));

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build in .next: run `npm run build` first, then `npm run bench:bundle`.");
  process.exit(1);
}
const DATABASE_URL = process.env.DATABASE_URL?.trim();
if (!DATABASE_URL) {
  console.error("Set DATABASE_URL to a migrated, seeded PostgreSQL database (e.g. after `npm run db:migrate && npm run db:seed`).");
  process.exit(1);
}
const browserPath = findChromium()?.path;
if (!browserPath) {
  console.error("No Chromium found: install Debian's chromium or set CHROMIUM_PATH.");
  process.exit(1);
}

type Role = "program_officer" | "focal_point" | "approver" | "donor" | "admin";
const sql = postgres(DATABASE_URL, { max: 2, onnotice: () => {} });

async function accountFor(role: Role, demoEmail: string) {
  const rows = await sql<{ id: string; email: string; countryIso2: string | null }[]>`
    select u.id, u.email, u.country_iso2 as "countryIso2"
    from users u join user_roles r on r.user_id = u.id
    where r.role = ${role} and u.is_active
    order by (u.email = ${demoEmail}) desc, (u.country_iso2 = 'GT') desc nulls last, u.email
    limit 1`;
  if (!rows[0]) throw new Error(`No active ${role} account in the database.`);
  return rows[0];
}
const accounts = {
  program_officer: await accountFor("program_officer", "officer@example.org"),
  focal_point: await accountFor("focal_point", "focal.gt@example.org"),
  approver: await accountFor("approver", "approver@example.org"),
  donor: await accountFor("donor", "donor.inl@example.org"),
  admin: await accountFor("admin", "admin@example.org"),
};
const { tokens, end: cleanUp } = await benchSessions(sql, accounts);

async function discoverIds() {
  const [program] = await sql<{ id: string }[]>`
    select p.id from programs p join program_donors d on d.program_id = p.id
    join users u on u.organization_id = d.organization_id and u.id = ${accounts.donor.id}
    order by (select count(*) from awards a where a.program_id = p.id) desc, p.key limit 1`;
  const [award] = program
    ? await sql<{ id: string }[]>`select id from awards where program_id = ${program.id} order by (status = 'active') desc, reference limit 1`
    : [];
  const [request] = await sql<{ id: string }[]>`
    select id from assistance_requests where status not in ('draft') order by updated_at desc limit 1`;
  const [editable] = await sql<{ id: string }[]>`
    select id from assistance_requests where country_iso2 = ${accounts.focal_point.countryIso2} and status in ('draft', 'changes_requested')
    order by updated_at desc limit 1`;
  const [approved] = await sql<{ id: string }[]>`
    select r.id from assistance_requests r where r.status = 'approved' order by r.updated_at desc limit 1`;
  return { programId: program?.id, awardId: award?.id, requestId: request?.id, editableId: editable?.id, approvedId: approved?.id };
}
const ids = await discoverIds().catch(async (error: unknown) => {
  await cleanUp();
  throw error;
});

type Kind = "list" | "detail" | "home" | "form" | "dashboard";
/** The targets for first-load JS, gzip kB: lists, details and homes 150, forms 200. */
const TARGET_KB: Record<Kind, number | null> = { list: 150, detail: 150, home: 150, form: 200, dashboard: null };
interface PageSpec {
  name: string;
  role: Role;
  path: string | undefined;
  kind: Kind;
}
const d = ids.programId ? `/dashboards/${ids.programId}` : undefined;
const PAGES: PageSpec[] = [
  { name: "404 (signed in)", role: "program_officer", path: "/bench-no-such-page", kind: "detail" },
  { name: "officer home", role: "program_officer", path: "/", kind: "home" },
  { name: "focal home", role: "focal_point", path: "/", kind: "home" },
  { name: "donor home", role: "donor", path: "/", kind: "home" },
  { name: "/requests", role: "program_officer", path: "/requests", kind: "list" },
  { name: "/requests/[id]", role: "program_officer", path: ids.requestId && `/requests/${ids.requestId}`, kind: "detail" },
  { name: "/awards", role: "program_officer", path: "/awards", kind: "list" },
  { name: "/awards/[id]", role: "program_officer", path: ids.awardId && `/awards/${ids.awardId}`, kind: "detail" },
  { name: "/approvals", role: "approver", path: "/approvals", kind: "list" },
  { name: "/programs", role: "program_officer", path: "/programs", kind: "list" },
  { name: "/admin/users", role: "admin", path: "/admin/users", kind: "list" },
  { name: "/dashboards", role: "donor", path: "/dashboards", kind: "list" },
  { name: "program dashboard", role: "donor", path: d, kind: "dashboard" },
  { name: "donor award page", role: "donor", path: d && ids.awardId && `${d}/awards/${ids.awardId}`, kind: "dashboard" },
  { name: "/requests/new", role: "focal_point", path: "/requests/new", kind: "form" },
  { name: "/requests/[id]/edit", role: "focal_point", path: ids.editableId && `/requests/${ids.editableId}/edit`, kind: "form" },
  { name: "/awards/new", role: "program_officer", path: ids.approvedId && `/awards/new?request=${ids.approvedId}`, kind: "form" },
  { name: "/programs/new", role: "admin", path: "/programs/new", kind: "form" },
  { name: "/admin/users/new", role: "admin", path: "/admin/users/new", kind: "form" },
];

/** The chart library's own class names survive minification. */
const RECHARTS = /recharts-(?:wrapper|surface|cartesian)/;

interface ScriptLoad {
  url: string;
  encoded: number;
  decoded: number;
  encoding: string;
  recharts: boolean;
  afterLoad: boolean;
}
interface BundleRow {
  spec: PageSpec;
  status: number;
  scripts: ScriptLoad[];
}

async function newContext(browser: Awaited<ReturnType<typeof chromium.launch>>, base: string, role: Role): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: "authjs.session-token", value: tokens[role], url: base, httpOnly: true, sameSite: "Lax" }]);
  return context;
}

async function measureBundle(browser: Awaited<ReturnType<typeof chromium.launch>>, base: string, spec: PageSpec): Promise<BundleRow> {
  // A fresh context per page: an empty cache, as a first visit.
  const context = await newContext(browser, base, spec.role);
  const page = await context.newPage();
  let loaded = false;
  const pending: Promise<ScriptLoad | null>[] = [];
  page.on("load", () => (loaded = true));
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    const afterLoad = loaded;
    pending.push(
      (async () => {
        const body = await response.body().catch(() => null);
        if (!body) return null;
        const sizes = await response.request().sizes();
        const text = body.toString("utf8");
        return {
          url: response.url(),
          encoded: sizes.responseBodySize,
          decoded: body.byteLength,
          encoding: (await response.headerValue("content-encoding")) ?? "identity",
          recharts: RECHARTS.test(text),
          afterLoad,
        };
      })(),
    );
  });
  const response = await page.goto(base + spec.path!, { waitUntil: "load" });
  await page.waitForLoadState("networkidle").catch(() => {});
  const scripts = (await Promise.all(pending)).filter((s): s is ScriptLoad => s !== null);
  await context.close();
  return { spec, status: response?.status() ?? 0, scripts };
}

interface FormRun {
  fcpMs: number;
  hydratedMs: number;
  keptTyping: boolean;
  validated: boolean;
  scriptsKb: number;
}

interface Profile {
  name: string;
  downKbps: number;
  upKbps: number;
  rttMs: number;
}
/**
 * The slow profile of the issue (400 kbit/s, 400 ms), and Lighthouse's mobile profile as DevTools applies
 * it (its "slow 4G": 1,474.56 kbit/s down, 675 up, 562.5 ms); both with the CPU 4× slower.
 */
const PROFILES: Profile[] = [
  { name: "slow (400 kbit/s, 400 ms RTT)", downKbps: 400, upKbps: 400, rttMs: 400 },
  { name: "Lighthouse mobile (1.47 Mbit/s, 562.5 ms RTT)", downKbps: 1474.56, upKbps: 675, rttMs: 562.5 },
];

async function throttle(page: Page, profile: Profile) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: profile.rttMs,
    downloadThroughput: (profile.downKbps * 1024) / 8,
    uploadThroughput: (profile.upKbps * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}

async function measureForm(browser: Awaited<ReturnType<typeof chromium.launch>>, base: string, profile: Profile): Promise<FormRun> {
  const context = await newContext(browser, base, "focal_point");
  // Records first contentful paint and the first frame at which the form carries its hydration marker.
  await context.addInitScript(() => {
    const w = window as unknown as { __fcp?: number; __hydrated?: number };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") w.__fcp = entry.startTime;
    }).observe({ type: "paint", buffered: true });
    // React sets the attribute when the form hydrates; the observer fires in the same task.
    const observer = new MutationObserver(() => {
      if (w.__hydrated === undefined && document.querySelector('form[data-hydrated="true"]')) {
        w.__hydrated = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-hydrated"] });
  });
  const page = await context.newPage();
  let scriptBytes = 0;
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script") void request.sizes().then((s) => (scriptBytes += s.responseBodySize));
  });
  await throttle(page, profile);
  await page.goto(`${base}/requests/new`, { waitUntil: "commit", timeout: 120_000 });
  await page.waitForSelector('form[data-hydrated="true"]', { timeout: 120_000 });
  const marks = await page.evaluate(() => {
    const w = window as unknown as { __fcp?: number; __hydrated?: number };
    return { fcp: w.__fcp ?? NaN, hydrated: w.__hydrated ?? NaN };
  });
  // Usable: a typed character stays, and an incomplete submit is answered by the client's validation.
  const field = page.locator('form[data-hydrated="true"] input[type="text"]').first();
  await field.fill("x");
  const keptTyping = (await field.inputValue()) === "x";
  const serverCalls: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") serverCalls.push(r.url());
  });
  await page.locator('form[data-hydrated="true"] button[type="submit"]').last().click();
  const validated = await page
    .locator('[role="alert"], [aria-invalid="true"]')
    .first()
    .waitFor({ timeout: 15_000 })
    .then(() => serverCalls.length === 0)
    .catch(() => false);
  await context.close();
  return { fcpMs: marks.fcp, hydratedMs: marks.hydrated, keptTyping, validated, scriptsKb: scriptBytes / 1000 };
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

function table(header: string[], rows: string[][], leftColumns = 1) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => (i < leftColumns ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i < leftColumns ? ":" : "-") + "-".repeat(w) + (i < leftColumns ? "-" : ":")).join("|")}|`);
  for (const r of rows) console.log(line(r));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startBenchServer(DATABASE_URL).catch(async (error: unknown) => {
  await cleanUp();
  throw error;
});
const browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox"] });
try {
  const selected = PAGES.filter((spec) => spec.path && (!flags.only || spec.name.includes(flags.only) || spec.kind === flags.only));
  // Once around, so that no page is measured cold on the server.
  for (const spec of selected) await fetch(server.base + spec.path!, { headers: { cookie: `authjs.session-token=${tokens[spec.role]}` } }).then((r) => r.arrayBuffer());
  const rows: BundleRow[] = [];
  for (const spec of selected) {
    rows.push(await measureBundle(browser, server.base, spec));
    process.stderr.write(`  ${spec.name}\n`);
  }
  console.log("\nFirst-load JS: scripts fetched up to the load event (kB = 1000 bytes; gz = as served).\n");
  table(
    ["page", "role", "kind", "status", "scripts", "gz kB", "decoded kB", "target gz kB", "recharts", "later scripts", "later gz kB"],
    rows.map(({ spec, status, scripts }) => {
      const first = scripts.filter((s) => !s.afterLoad);
      const later = scripts.filter((s) => s.afterLoad);
      const sum = (xs: ScriptLoad[], k: "encoded" | "decoded") => xs.reduce((a, s) => a + s[k], 0);
      const recharts = first.some((s) => s.recharts) ? "yes" : later.some((s) => s.recharts) ? "later" : "no";
      const target = TARGET_KB[spec.kind];
      return [
        spec.name,
        spec.role,
        spec.kind,
        String(status),
        String(first.length),
        kb(sum(first, "encoded")),
        kb(sum(first, "decoded")),
        target === null ? "" : String(target),
        recharts,
        String(later.length),
        kb(sum(later, "encoded")),
      ];
    }),
    3,
  );
  const encodings = new Set(rows.flatMap((r) => r.scripts.map((s) => s.encoding)));
  console.log(`\nContent-Encoding of the scripts as served: ${[...encodings].join(", ")}.`);

  if (!flags.only || "/requests/new".includes(flags.only) || flags.only === "form") {
    for (const profile of PROFILES) {
      const runs: FormRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await measureForm(browser, server.base, profile));
        process.stderr.write(`  form run ${i + 1} (${profile.name})\n`);
      }
      console.log(`\nThe request form (/requests/new as ${accounts.focal_point.email}), ${profile.name}, CPU 4× slower, ${RUNS} runs:\n`);
      table(
        ["run", "FCP ms", "hydrated ms", "usable after FCP ms", "typing kept", "client validation", "script kB"],
        [
          ...runs.map((r, i) => [String(i + 1), r.fcpMs.toFixed(0), r.hydratedMs.toFixed(0), (r.hydratedMs - r.fcpMs).toFixed(0), r.keptTyping ? "yes" : "no", r.validated ? "yes" : "no", r.scriptsKb.toFixed(1)]),
          ["median", median(runs.map((r) => r.fcpMs)).toFixed(0), median(runs.map((r) => r.hydratedMs)).toFixed(0), median(runs.map((r) => r.hydratedMs - r.fcpMs)).toFixed(0), "", "", ""],
        ],
      );
    }
  }
} finally {
  await browser.close();
  await server.stop();
  await cleanUp();
}
