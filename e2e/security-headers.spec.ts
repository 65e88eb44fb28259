import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { demoSignIn, newPage, servers } from "./support/helpers";

const root = path.resolve(import.meta.dirname, "..");

/** Collects the browser's CSP refusals ("Refused to execute inline script…", "Refused to load…"). */
function cspRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Refused to/i.test(message.text())) refused.push(`${page.url()}: ${message.text()}`);
  });
  return refused;
}

const nonceOf = (csp: string | undefined) => csp?.match(/'nonce-([^']+)'/)?.[1];

test("every page carries a CSP whose fresh nonce is on the page's scripts; no HSTS over http", async ({ request }) => {
  const paths = ["/sign-in", "/mailbox", "/no-such-page", "/awards"];
  for (const p of paths) {
    const [a, b] = [await request.get(`${servers.demo}${p}`, { maxRedirects: 0 }), await request.get(`${servers.demo}${p}`, { maxRedirects: 0 })];
    const csp = a.headers()["content-security-policy"];
    expect(csp, p).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp, p).toContain(directive);
    expect(nonceOf(csp), p).not.toBe(nonceOf(b.headers()["content-security-policy"]));
    expect(a.headers()["strict-transport-security"], p).toBeUndefined();
    expect(a.headers()["x-content-type-options"], p).toBe("nosniff");
    if (a.status() === 200 || a.status() === 404) {
      const html = await a.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, p).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, p).toContain(`nonce="${nonceOf(csp)}"`);
    }
  }
});

test("the pages work under the policy: no CSP refusal in the browser console for any role", async ({ browser }) => {
  test.setTimeout(180_000);
  const visits: Array<{ name: string | null; paths: string[] }> = [
    { name: null, paths: ["/sign-in", "/mailbox", "/no-such-page"] },
    { name: "Daniel Reyes", paths: ["/", "/requests", "/awards", "/programs", "/approvals", "/dashboards", "/no-such-page"] },
    { name: "Sarah Miller", paths: ["/", "/dashboards"] },
    { name: "Ana López", paths: ["/", "/requests", "/requests/new"] },
  ];
  for (const visit of visits) {
    const { context, page } = await newPage(browser);
    const refused = cspRefusals(page);
    if (visit.name) await demoSignIn(page, visit.name);
    for (const p of visit.paths) {
      await page.goto(`${servers.demo}${p}`);
      await page.waitForLoadState("networkidle");
    }
    // Follow links into records (a dashboard with its charts, an award page) as a person would.
    if (visit.name === "Sarah Miller" || visit.name === "Daniel Reyes") {
      await page.goto(`${servers.demo}/dashboards`);
      const program = page.locator('main a[href^="/dashboards/"]').first();
      if (await program.count()) {
        await program.click();
        await page.waitForLoadState("networkidle");
      }
    }
    if (visit.name === "Daniel Reyes") {
      await page.goto(`${servers.demo}/awards`);
      await page.locator('main a[href^="/awards/"]').first().click();
      await page.waitForLoadState("networkidle");
      // Client-side navigation still works (scripts ran).
      await page.getByRole("navigation").getByRole("link").first().click();
      await page.waitForLoadState("networkidle");
    }
    expect(refused).toEqual([]);
    await context.close();
  }
});

test("the portal refuses to start in demo mode with a public AUTH_URL", async () => {
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", "0"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", DEMO_MODE: "1", AUTH_URL: "https://portal.example.org", AUTH_SECRET: "e2e-test-secret-not-for-production-0123456789", MAIL_WORKER: "off", REMINDER_WORKER: "off", PDF_WORKER: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += String(c)));
  child.stderr.on("data", (c: Buffer) => (output += String(c)));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 30_000);
    child.once("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(output).toContain("Refusing to start: demo mode (DEMO_MODE=1)");
  expect(output).toContain("https://portal.example.org");
  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
});
