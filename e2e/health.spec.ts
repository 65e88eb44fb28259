import { expect, test } from "@playwright/test";
import { servers } from "./support/helpers";

test("the health check reports a reachable database", async ({ request }) => {
  const res = await request.get(`${servers.mail}/api/health`);
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});

test.describe("when the database is unreachable", () => {
  test("the health check answers 503", async ({ request }) => {
    const res = await request.get(`${servers.down}/api/health`);
    expect(res.status()).toBe(503);
    expect(await res.json()).toMatchObject({ status: "error" });
  });

  test("a page shows a friendly message, never a stack trace, however long the outage has lasted", async ({ page, context, request }) => {
    // Failed connection attempts pile up (the server's mail and reminder pollers add theirs); the driver's
    // default backoff then made each page wait up to 20 s for a new attempt before showing this page.
    for (let i = 0; i < 10; i++) expect((await request.get(`${servers.down}/api/health`)).status()).toBe(503);
    await context.addCookies([{ name: "authjs.session-token", value: "any", url: servers.down }]);
    const response = await page.goto(`${servers.down}/`);
    expect(response?.status()).toBe(500);
    await expect(page.getByRole("heading", { name: "The portal is temporarily unavailable" })).toBeVisible();
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/ECONNREFUSED|at .*\.js:\d+|postgres:\/\//);
  });
});
