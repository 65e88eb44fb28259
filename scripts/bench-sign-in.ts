// npm run bench:sign-in  (needs a production build: `next build`, DATABASE_URL for a PostgreSQL server, Chromium)
//
// Starts `next start` on a free port with its own fresh database and the local fake mail API, then submits
// the sign-in form in Chromium for a registered, an unknown and a deactivated address, interleaved, and
// prints per kind the server action's answer time (request start to response end, as the browser saw it)
// and the answer's size. The answers must be the same size and take comparable time: the account lookup
// and the link are issued after the answer (lib/auth/sign-in-mail.ts).
import { chromium } from "@playwright/test";
import net from "node:net";
import { findChromium } from "./find-chromium.mjs";

const { prepareDatabase, startServer } = await import("../e2e/support/servers");
const { startFakeResend } = await import("../e2e/support/fake-resend");
const { addDeactivatedAccount, DEACTIVATED_EMAIL } = await import("../e2e/support/accounts");

const ROUNDS = Number(process.env.ROUNDS ?? 25);
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

if (!process.env.DATABASE_URL) throw new Error("Run with DATABASE_URL (a PostgreSQL server).");
const fake = await startFakeResend();
const prepared = await prepareDatabase("bench_sign_in", addDeactivatedAccount);
const server = await startServer({
  name: "bench",
  port: await freePort(),
  env: {
    ...prepared.env,
    RESEND_API_KEY: "re_bench_fake_key",
    RESEND_BASE_URL: fake.url,
    DEMO_MODE: "",
    // Limits high enough that no answer of the run is a refusal.
    SIGN_IN_LIMIT_PER_EMAIL: "100000",
    SIGN_IN_LIMIT_PER_IP: "100000",
  },
});
const browser = await chromium.launch({ executablePath: findChromium()?.path });

const kinds = { registered: "focal.gt@example.org", unknown: "nobody.bench@example.org", deactivated: DEACTIVATED_EMAIL };
type Kind = keyof typeof kinds;
const times: Record<Kind, number[]> = { registered: [], unknown: [], deactivated: [] };
const sizes: Record<Kind, Set<number>> = { registered: new Set(), unknown: new Set(), deactivated: new Set() };

try {
  const page = await browser.newPage();
  for (let round = 0; round <= ROUNDS; round++) {
    // Each round in a different order, so that neither kind always follows the other.
    const order = (Object.keys(kinds) as Kind[]).sort(() => Math.random() - 0.5);
    for (const kind of order) {
      await page.goto(`${server.url}/sign-in`);
      await page.locator("#email").fill(kinds[kind]);
      const answer = page.waitForResponse((r) => r.request().method() === "POST" && Boolean(r.request().headers()["next-action"]));
      await page.locator("main form button[type=submit]").first().click();
      const response = await answer;
      await page.waitForURL(/\/sign-in\/check-email/);
      const { responseBodySize } = await response.request().sizes();
      if (round === 0) continue; // warm-up
      const timing = response.request().timing();
      times[kind].push(timing.responseEnd - timing.requestStart);
      sizes[kind].add(responseBodySize);
    }
  }
  const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
  console.log(`Sign-in action answers, ${ROUNDS} per kind (ms from request start to response end):`);
  for (const kind of Object.keys(kinds) as Kind[]) {
    const t = times[kind];
    console.log(
      `  ${kind.padEnd(11)} median ${pct(t, 0.5).toFixed(1)}  p90 ${pct(t, 0.9).toFixed(1)}  min ${Math.min(...t).toFixed(1)}  max ${Math.max(...t).toFixed(1)}  body ${[...sizes[kind]].join("/")} bytes`,
    );
  }
  // The sender works the outbox in the background: give it a moment to drain.
  await new Promise((r) => setTimeout(r, 5000));
  const to = (address: string) => fake.emails().filter((m) => m.to.includes(address) && /sign-in link|enlace de acceso/i.test(m.subject)).length;
  console.log(`  sign-in mails: registered ${to(kinds.registered)} (of ${ROUNDS + 1} requests), unknown ${to(kinds.unknown)}, deactivated ${to(kinds.deactivated)}`);
} finally {
  await browser.close();
  await server.stop();
  await prepared.drop();
  await fake.close();
}
