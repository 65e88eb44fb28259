// The production server and the signed-in sessions the benchmarks (bench.ts, bench-bundle.ts) measure with.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import type { Sql } from "postgres";

const root = path.resolve(import.meta.dirname, "..", "..");

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/**
 * `next start` of the build in .next on a free port against `databaseUrl`, answering /api/health; the
 * background jobs are off (they would query, and mail, during the measurements), the demo mode, the
 * embedded database and the mail API key are left out. `env` adds settings (e.g. the query counter).
 */
export async function startBenchServer(databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("hex"),
    AUTH_URL: base,
    MAIL_WORKER: "off",
    REMINDER_WORKER: "off",
  };
  for (const key of ["PGLITE_DIR", "DEMO_MODE", "RESEND_API_KEY", "BENCH_COUNT_QUERIES", "BENCH_LOG_QUERIES"]) delete childEnv[key];
  Object.assign(childEnv, env);
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += String(c)));
  child.stderr.on("data", (c: Buffer) => (output += String(c)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${output}`);
    const res = await fetch(`${base}/api/health`).catch(() => undefined);
    if (res?.ok) break;
    if (Date.now() > deadline) throw new Error(`The server did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  return { base, pid: child.pid!, stop, output: () => output };
}

/**
 * A complete session (second factor done, as a sign-in leaves it) for each account, by role; `end`
 * deletes them again and closes `sql`.
 */
export async function benchSessions<Role extends string>(sql: Sql, accounts: Record<Role, { id: string }>) {
  const roles = Object.keys(accounts) as Role[];
  const tokens = Object.fromEntries(roles.map((role) => [role, randomBytes(32).toString("hex")])) as Record<Role, string>;
  for (const role of roles) {
    await sql`insert into sessions (session_token, user_id, expires, second_factor_at)
      values (${tokens[role]}, ${accounts[role].id}, now() + interval '1 day', now())`;
  }
  const end = async () => {
    await sql`delete from sessions where session_token in ${sql(Object.values(tokens) as string[])}`;
    await sql.end();
  };
  return { tokens, end };
}
