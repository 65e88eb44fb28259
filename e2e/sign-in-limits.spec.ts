import { expect, test, type Browser } from "@playwright/test";
import { servers } from "./support/helpers";

// Both servers allow 3 sign-in link requests per client address in 15 minutes (SIGN_IN_LIMIT_PER_IP=3).
// Each attempt comes from a fresh browser with its own forged X-Forwarded-For and a fresh address to
// mail, so only the per-address limit can refuse it. A forged header must never buy a fresh budget.
// (That the audit trail records the same address is lib/auth/client-address-audit.int.test.ts.)

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
});

test("behind one trusted proxy, only the address the proxy appended counts: a forged prefix buys nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  // What a client sends through the proxy: its own forged entry, then the proxy's append of the real address.
  const seen = await outcomes(browser, servers.limitsProxy, (i) => `198.51.100.${10 + i}, 203.0.113.7`, "proxied");
  expectBudgetHeld(seen);
  // Another real client behind the same proxy has its own budget.
  const other = await attempt(browser, servers.limitsProxy, "203.0.113.8", `nobody.other.${Date.now().toString(36)}@example.org`);
  expect(other).toBe("accepted");
});

