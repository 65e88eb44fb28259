#!/usr/bin/env node
// `npm run demo`: builds the portal, prepares the database (embedded PGlite in .data/pglite unless
// DATABASE_URL is set), loads reference and demo data, and serves the production build with demo mode on.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { demoModeRefusal } from "../lib/demo-guard.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const port = process.env.PORT ?? "3000";
const started = Date.now();

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 9)) {
  console.error(`Node.js 20.9 or newer is needed (this is ${process.versions.node}).`);
  process.exit(1);
}

mkdirSync(path.join(root, ".data"), { recursive: true });
const secretFile = path.join(root, ".data", "auth-secret");
if (!process.env.AUTH_SECRET && !existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DEMO_MODE: "1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? readFileSync(secretFile, "utf8").trim(),
  AUTH_URL: process.env.AUTH_URL ?? `http://localhost:${port}`,
};
const refusal = demoModeRefusal(env);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
if (!env.DATABASE_URL) env.PGLITE_DIR = env.PGLITE_DIR ?? path.join(root, ".data", "pglite");

function run(label, command, args) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

if (process.env.SKIP_BUILD !== "1") run("Building the portal (next build)", bin("next"), ["build"]);
run(
  env.DATABASE_URL ? "Migrating the PostgreSQL database" : `Creating and migrating the embedded database in ${env.PGLITE_DIR}`,
  bin("tsx"),
  ["db/migrate-cli.ts"],
);
run("Loading reference and demo data", bin("tsx"), ["db/seed-cli.ts"]);


console.log(`\n▶ Starting the portal on ${env.AUTH_URL} (demo mode)…`);
const server = spawn(bin("next"), ["start", "-p", port], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready|started server|Local:/i.test(String(chunk))) {
    announced = true;
    waitForFirstPage();
  }
});
async function waitForFirstPage() {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) {
        console.log(`\n✔ The portal is up: open ${env.AUTH_URL} (ready ${((Date.now() - started) / 1000).toFixed(1)} s after the demo command started). Ctrl+C stops it.`);
        return;
      }
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
