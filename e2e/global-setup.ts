import { existsSync } from "node:fs";
import path from "node:path";
import { startFakeResend } from "./support/fake-resend";
import { addDeactivatedAccount } from "./support/accounts";
import { plantLeakMarkers } from "./support/leak-markers";
import { plantStaffPasskeys } from "./support/passkeys";
import { prepareDatabase, startServer, type PreparedDb, type RunningServer } from "./support/servers";

/**
 * Starts what the end-to-end tests run against, all from one production build:
 *  - "mail":   sign-in by email link, mail sent by the real resend SDK to a local fake of its API;
 *  - "demo":   demo mode (one-click sign-in, local mailbox), as `npm run demo` runs it;
 *  - "expiry": sign-in links that expire after 3 seconds, to see an expired link refused;
 *  - "down":   a database that cannot be reached, to see the outage page and health check;
 *  - "isolation": demo mode on data with marker strings in every field some viewer may not see;
 *  - "limits": a sign-in limit of 3 link requests per client address, behind no trusted proxy;
 *  - "limits-proxy": the same limit (and database) behind one trusted proxy (TRUSTED_PROXY_HOPS=1);
 *  - "passkeys": like "mail", but no staff account has a passkey yet (the mail server's seeded staff have
 *    a planted one each, for the specs that sign them in: e2e/support/passkeys.ts).
 * Their URLs reach the tests as environment variables.
 */
export default async function globalSetup() {
  const root = path.resolve(import.meta.dirname, "..");
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm test` (it builds first) or `npm run build`.");
  }
  // Several checkouts on one machine can run their suites at once, each on its own ports.
  const base = Number(process.env.E2E_PORT_BASE ?? 3100);
  const fake = await startFakeResend(0);
  const dbs: PreparedDb[] = [];
  const servers: RunningServer[] = [];
  const teardown = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await fake.close();
    for (const db of dbs) await db.drop().catch(() => {});
  };
  try {
    const [mailDb, demoDb, expiryDb, isolationDb, limitsDb, passkeysDb] = await Promise.all([
      prepareDatabase("mail", async (db) => {
        await addDeactivatedAccount(db);
        await plantStaffPasskeys(db);
      }),
      prepareDatabase("demo"),
      prepareDatabase("expiry"),
      prepareDatabase("isolation", plantLeakMarkers),
      prepareDatabase("limits"),
      prepareDatabase("passkeys"),
    ]);
    dbs.push(mailDb, demoDb, expiryDb, isolationDb, limitsDb, passkeysDb);
    const resendEnv = { RESEND_API_KEY: "re_e2e_fake_key", RESEND_BASE_URL: fake.url, DEMO_MODE: "" };
    const results = await Promise.allSettled([
      startServer({ name: "mail", port: base + 0, env: { ...mailDb.env, ...resendEnv } }),
      startServer({ name: "demo", port: base + 1, env: { ...demoDb.env, DEMO_MODE: "1", RESEND_API_KEY: "" } }),
      startServer({ name: "expiry", port: base + 2, env: { ...expiryDb.env, ...resendEnv, SIGN_IN_LINK_MAX_AGE_SECONDS: "3" } }),
      startServer({
        name: "down",
        port: base + 3,
        env: { DATABASE_URL: "postgres://postgres@127.0.0.1:9/unreachable", PGLITE_DIR: "", DEMO_MODE: "" },
        readyPath: "/sign-in",
      }),
      startServer({ name: "isolation", port: base + 4, env: { ...isolationDb.env, DEMO_MODE: "1", RESEND_API_KEY: "" } }),
      // No trusted proxy (TRUSTED_PROXY_HOPS unset) and a per-address limit small enough to reach.
      startServer({ name: "limits", port: base + 5, env: { ...limitsDb.env, ...resendEnv, SIGN_IN_LIMIT_PER_IP: "3", TRUSTED_PROXY_HOPS: "" } }),
      // The same limit behind one trusted proxy, which appends the address it received the request from.
      startServer({ name: "limits-proxy", port: base + 6, env: { ...limitsDb.env, ...resendEnv, SIGN_IN_LIMIT_PER_IP: "3", TRUSTED_PROXY_HOPS: "1" } }),
      startServer({ name: "passkeys", port: base + 7, env: { ...passkeysDb.env, ...resendEnv } }),
    ]);
    // Every server that did start is stopped again if another one did not (teardown below).
    for (const r of results) if (r.status === "fulfilled") servers.push(r.value);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
    process.env.E2E_MAIL_URL = servers[0].url;
    process.env.E2E_DEMO_URL = servers[1].url;
    process.env.E2E_EXPIRY_URL = servers[2].url;
    process.env.E2E_DOWN_URL = servers[3].url;
    process.env.E2E_ISOLATION_URL = servers[4].url;
    process.env.E2E_LIMITS_URL = servers[5].url;
    process.env.E2E_LIMITS_PROXY_URL = servers[6].url;
    process.env.E2E_PASSKEYS_URL = servers[7].url;
    process.env.E2E_FAKE_RESEND_URL = fake.url;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
