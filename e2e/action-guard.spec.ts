import { expect, test } from "@playwright/test";
import { servers } from "./support/helpers";

// Server-action requests Next.js would answer with a 500 get the status that names the problem.
test("a server action called from another site, too large or undecodable is refused with 403, 413 or 400, in the visitor's language", async ({ page }) => {
  // The real sign-in action's id and the headers the page sends with it.
  let action: { id: string; headers: Record<string, string> } | undefined;
  await page.route(`${servers.mail}/sign-in`, async (route) => {
    const headers = route.request().headers();
    if (route.request().method() === "POST" && headers["next-action"]) action = { id: headers["next-action"], headers };
    await route.continue();
  });
  await page.goto(`${servers.mail}/sign-in`);
  await page.locator("#email").fill("nobody.guard@example.org");
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL(/\/sign-in\/check-email/);
  expect(action).toBeDefined();
  const base = {
    "next-action": action!.id,
    "next-router-state-tree": action!.headers["next-router-state-tree"] ?? "",
    "content-type": "text/plain;charset=UTF-8",
    origin: servers.mail,
    accept: "text/x-component",
  };
  const post = (headers: Record<string, string>, data: string | Buffer) => page.request.post(`${servers.mail}/sign-in`, { headers: { ...base, ...headers }, data });
  const good = JSON.stringify([{ email: "nobody.guard2@example.org" }]);

  // The same call as the form's is taken.
  expect((await post({}, good)).status()).toBe(200);

  const foreign = await post({ origin: "https://evil.example" }, good);
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain("This request came from another site");
  const spanish = await post({ origin: "https://evil.example", "accept-language": "es-GT,es;q=0.9" }, good);
  expect(await spanish.text()).toContain("Esta solicitud provino de otro sitio");

  const large = await post({}, JSON.stringify([{ email: "x".repeat(2 * 1024 * 1024) }]));
  expect(large.status()).toBe(413);
  expect(await large.text()).toContain("larger than the portal accepts (1 MB)");

  for (const body of ["{not json", '{"email":"a@example.org"}']) {
    const malformed = await post({}, body);
    expect(malformed.status(), body).toBe(400);
    expect(await malformed.text()).toContain("could not read this request");
  }
  const brokenForm = await post({ "content-type": "multipart/form-data; boundary=abc" }, "--abc\r\nnot a part");
  expect(brokenForm.status()).toBe(400);
});
