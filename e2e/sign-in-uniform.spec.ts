import { expect, test, type Page } from "@playwright/test";
import { DEACTIVATED_EMAIL } from "./support/accounts";
import { mailsTo, newPage, requestSignInLink, servers } from "./support/helpers";

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Submits the sign-in form for `email` and returns the server action's raw answer: status, headers
 * (less the date, and with the per-response CSP nonce blanked) and body bytes.
 */
async function signInAnswer(page: Page, email: string): Promise<Answer> {
  let answer: Answer | undefined;
  await page.route(`${servers.mail}/sign-in**`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers.date;
    if (headers["content-security-policy"]) headers["content-security-policy"] = headers["content-security-policy"].replace(/'nonce-[^']+'/, "'nonce-…'");
    answer = { status: response.status(), headers, body: (await response.body()).toString("base64") };
    await route.fulfill({ response });
  });
  await requestSignInLink(page, servers.mail, email);
  await page.unrouteAll({ behavior: "wait" });
  if (!answer) throw new Error("the sign-in action was not called");
  return answer;
}

test("registered, unknown and deactivated addresses get byte-identical sign-in answers; only the registered one gets a link", async ({ browser }) => {
  test.setTimeout(90_000);
  const registered = "focal.tt@example.org";
  const unknown = "nobody.here@example.org";
  const before = {
    registered: (await mailsTo(registered)).length,
    unknown: (await mailsTo(unknown)).length,
    deactivated: (await mailsTo(DEACTIVATED_EMAIL)).length,
  };
  const { context, page } = await newPage(browser);
  const answers = {
    registered: await signInAnswer(page, registered),
    unknown: await signInAnswer(page, unknown),
    deactivated: await signInAnswer(page, DEACTIVATED_EMAIL),
  };
  expect(answers.registered.status).toBe(200);
  expect(answers.registered.headers["set-cookie"]).toBeUndefined();
  expect(answers.unknown).toEqual(answers.registered);
  expect(answers.deactivated).toEqual(answers.registered);

  await expect.poll(async () => (await mailsTo(registered)).length, { timeout: 20_000 }).toBe(before.registered + 1);
  // The sender had time to send anything queued for the others: nothing was.
  await page.waitForTimeout(1_000);
  expect((await mailsTo(unknown)).length).toBe(before.unknown);
  expect((await mailsTo(DEACTIVATED_EMAIL)).length).toBe(before.deactivated);
  await context.close();
});
