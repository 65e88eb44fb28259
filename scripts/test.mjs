#!/usr/bin/env node
// `npm test`: unit and integration tests (vitest), one production build, then the end-to-end tests
// (Playwright in Chromium against `next start`). Integration and end-to-end tests use the PostgreSQL
// server in DATABASE_URL when it is set (creating and dropping their own databases), else PGlite.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { CHROMIUM_HELP, findChromium, findPlaywrightChromium } from "./find-chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
// Outside Playwright's output folder, which it empties when it starts.
const reports = path.join(root, ".test-reports");
const onlyUnit = process.argv.includes("--unit");

const chromium = findChromium() ?? (await findPlaywrightChromium());
if (!chromium && !onlyUnit) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (chromium?.source === "system") env.CHROMIUM_PATH = chromium.path;
console.log(
  `Database for tests: ${env.DATABASE_URL ? "PostgreSQL server (DATABASE_URL)" : "embedded PGlite"}; ` +
    `Chromium: ${chromium ? chromium.path : "none (unit only)"}`,
);

const timings = {};
function step(label, command, args) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  timings[label] = ((Date.now() - t0) / 1000).toFixed(1);
  return result.status ?? 1;
}

const vitestJson = path.join(reports, "vitest.json");
const playwrightJson = path.join(reports, "playwright.json");
let status = step("Unit and integration tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);

if (!onlyUnit) {
  const buildStatus = step("Production build (next build)", bin("next"), ["build"]);
  if (buildStatus !== 0) status = buildStatus;
  else {
    env.PLAYWRIGHT_JSON_OUTPUT_NAME = playwrightJson;
    const e2e = step("End-to-end tests (Playwright, Chromium)", bin("playwright"), ["test", "--reporter=list,json"]);
    if (e2e !== 0) status = e2e;
  }
}

// One closing line that any reader of the log can count.
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  console.log(`\nvitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, "utf8"));
  const s = p.stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  skipped += s.skipped ?? 0;
  console.log(`playwright: ${s.expected ?? 0} passed, ${(s.unexpected ?? 0) + (s.flaky ?? 0)} failed`);
}
console.log(`timings (s): ${JSON.stringify(timings)}`);
if (status === 0 && passed === 0) {
  console.error("No test ran.");
  status = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(status === 0 && failed === 0 ? 0 : status || 1);
