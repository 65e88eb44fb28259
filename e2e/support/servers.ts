// Starts the production build (`next start`) several times for the end-to-end tests, each with its own
// database and settings, and tears them down again.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { openDb, type DbHandle } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { seedDemo, seedReference } from "../../db/seed";

const root = path.resolve(import.meta.dirname, "../..");

export interface PreparedDb {
  env: Record<string, string>;
  drop: () => Promise<void>;
}

/** A fresh database, migrated and seeded: on the PostgreSQL server when DATABASE_URL is set, else PGlite. */
/** `plant` changes the seeded data before the server gets it (e.g. marker strings for a leak check). */
export async function prepareDatabase(name: string, plant?: (db: DbHandle["db"]) => Promise<void>): Promise<PreparedDb> {
  const baseUrl = process.env.DATABASE_URL?.trim();
  if (baseUrl) {
    const dbName = `fap_e2e_${name}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${dbName}`;
    const handle = await openDb({ url: url.toString(), max: 2 });
    await runMigrations(handle);
    await seedReference(handle.db);
    await seedDemo(handle.db);
    if (plant) await plant(handle.db);
    await handle.close();
    return {
      env: { DATABASE_URL: url.toString() },
      drop: async () => {
        const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
        await a.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = path.join(root, ".data", "e2e", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const handle = await openDb({ pgliteDir: dir });
  await runMigrations(handle);
  await seedReference(handle.db);
  await seedDemo(handle.db);
  if (plant) await plant(handle.db);
  await handle.close(); // the server process becomes the only owner of the folder
  return { env: { PGLITE_DIR: dir, DATABASE_URL: "" }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function startServer(options: {
  name: string;
  port: number;
  env: Record<string, string>;
  readyPath?: string;
}): Promise<RunningServer> {
  const url = `http://localhost:${options.port}`;
  // A server left over from an earlier run would answer the readiness probe in this one's place.
  if (!(await portIsFree(options.port))) {
    throw new Error(`${options.name} server: port ${options.port} is already in use (a server left over from an earlier run?). Stop it and run again.`);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: "e2e-test-secret-not-for-production-0123456789",
    AUTH_URL: url,
    MAIL_POLL_INTERVAL_MS: "200",
    SIGN_IN_LIMIT_PER_IP: "10000",
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === "") delete env[key];
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(options.port)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += String(c)));
  child.stderr?.on("data", (c: Buffer) => (output += String(c)));
  const deadline = Date.now() + 60_000;
  const readyUrl = `${url}${options.readyPath ?? "/api/health"}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} server exited early:\n${output}`);
    try {
      const res = await fetch(readyUrl, { redirect: "manual" });
      if (res.status < 500 || options.readyPath === "/api/health-any") break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${options.name} server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}
