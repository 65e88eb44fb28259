import { expect, test, type Browser } from "@playwright/test";
import postgres from "postgres";
import { followSignInLink, mailsTo, requestSignInLink, servers } from "./support/helpers";

// Both servers allow 3 sign-in link requests per client address in 15 minutes (SIGN_IN_LIMIT_PER_IP=3).
// Each attempt comes from a fresh browser with its own forged X-Forwarded-For and a fresh address to
// mail, so only the per-address limit can refuse it. A forged header must never buy a fresh budget.

type Outcome = "accepted" | "refused";

async function attempt(browser: Browser, base: string, forwardedFor: string, email: string): Promise<Outcome> {
  const context = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "X-Forwarded-For": forwardedFor } });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.locator("#email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    const refused = page.locator("main").getByRole("alert").filter({ hasText: "Too many sign-in requests" });
    return await Promise.race([
      page.waitForURL(/\/sign-in\/check-email/, { timeout: 20_000 }).then(() => "accepted" as const),
      refused.waitFor({ timeout: 20_000 }).then(() => "refused" as const),
    ]);
  } finally {
    await context.close();
  }
}

async function outcomes(browser: Browser, base: string, forwardedFor: (i: number) => string, tag: string): Promise<Outcome[]> {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const seen: Outcome[] = [];
  for (let i = 0; i < 5; i++) seen.push(await attempt(browser, base, forwardedFor(i), `nobody.${tag}.${run}.${i}@example.org`));
  return seen;
}

/** The client addresses the refused sign-in requests were audited with (null without a readable database). */
async function auditedAddresses(): Promise<string[] | null> {
  const url = process.env.E2E_LIMITS_DB_URL;
  if (!url) return null;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ ip: string | null }[]>`
      SELECT DISTINCT ip FROM audit_events WHERE action = 'auth.signInLinkRequest' AND outcome = 'denied'`;
    return rows.map((r) => r.ip ?? "none");
  } finally {
    await sql.end();
  }
}

/** At most 3 accepted, and from the first refusal on nothing is accepted again (a rerun may start refused). */
function expectBudgetHeld(seen: Outcome[]) {
  expect(seen.filter((o) => o === "accepted").length, seen.join(", ")).toBeLessThanOrEqual(3);
  const firstRefusal = seen.indexOf("refused");
  expect(firstRefusal, seen.join(", ")).toBeGreaterThanOrEqual(0);
  expect(seen.slice(firstRefusal).every((o) => o === "refused"), seen.join(", ")).toBe(true);
}

test("with no proxy configured, a rotating X-Forwarded-For is ignored: the connection's address keeps its budget", async ({ browser }) => {
  test.setTimeout(120_000);
  const seen = await outcomes(browser, servers.limits, (i) => `198.51.100.${10 + i}`, "direct");
  expectBudgetHeld(seen);
  // The refusals are audited with the connection's address, never the forged one.
  const audited = await auditedAddresses();
  if (audited) {
    expect(audited.some((ip) => ip === "127.0.0.1" || ip === "::1"), audited.join(", ")).toBe(true);
    expect(audited.filter((ip) => ip.startsWith("198.51.100.")), audited.join(", ")).toEqual([]);
  }
});

test("behind one trusted proxy, only the address the proxy appended counts: a forged prefix buys nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  // What a client sends through the proxy: its own forged entry, then the proxy's append of the real address.
  const seen = await outcomes(browser, servers.limitsProxy, (i) => `198.51.100.${10 + i}, 203.0.113.7`, "proxied");
  expectBudgetHeld(seen);
  const audited = await auditedAddresses();
  if (audited) {
    expect(audited, audited.join(", ")).toContain("203.0.113.7");
    expect(audited.filter((ip) => ip.startsWith("198.51.100.")), audited.join(", ")).toEqual([]);
  }
  // Another real client behind the same proxy has its own budget.
  const other = await attempt(browser, servers.limitsProxy, "203.0.113.8", `nobody.other.${Date.now().toString(36)}@example.org`);
  expect(other).toBe("accepted");
});

test("behind the proxy, sign-in and sign-out are audited with the user and the address the proxy appended", async ({ browser }) => {
  test.setTimeout(120_000);
  const url = process.env.E2E_LIMITS_DB_URL;
  test.skip(!url, "the audit is read from the PostgreSQL database");
  const email = "focal.hn@example.org";
  const context = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.99, 203.0.113.9" } });
  const page = await context.newPage();
  const since = new Date();
  const before = (await mailsTo(email)).length;
  await requestSignInLink(page, servers.limitsProxy, email);
  expect(await followSignInLink(page, servers.limitsProxy, email, before)).toBe("home");
  // The account's language is Spanish.
  await page.getByRole("button", { name: /^(Sign out|Cerrar sesión)$/ }).first().click();
  await page.waitForURL(/\/sign-in$/);
  await context.close();

  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ action: string; ip: string | null; email: string | null }[]>`
      SELECT a.action, a.ip, u.email FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id
      WHERE a.action IN ('auth.signIn', 'auth.signOut') AND a.occurred_at >= ${since} ORDER BY a.occurred_at`;
    expect(rows.map((r) => [r.action, r.email, r.ip])).toEqual([
      ["auth.signIn", email, "203.0.113.9"],
      ["auth.signOut", email, "203.0.113.9"],
    ]);
  } finally {
    await sql.end();
  }
});
