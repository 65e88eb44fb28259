import { expect, test } from "@playwright/test";
import {
  mailsTo,
  newPage,
  requestSignInLink,
  servers,
  sessionCookie,
  signInByEmailLink,
  signInLinkFrom,
  waitForMail,
} from "./support/helpers";

test.describe("sign-in by email link (mail sent by the resend SDK to the local fake API)", () => {
  test("a registered user signs in through the confirmation page, and the link works only once", async ({ page, browser }) => {
    const email = "focal.jm@example.org";
    const before = (await mailsTo(email)).length;
    await requestSignInLink(page, servers.mail, email);
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    const mail = await waitForMail(email, before);
    expect(mail.subject).toBe("Your sign-in link for the Firearms Assistance Portal");
    expect(mail.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const link = signInLinkFrom(mail);

    // Opening the link (as a mail scanner would) uses nothing up: the page only shows a button.
    await page.goto(link);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Confirm sign-in" })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${servers.mail}/`);
    await expect(page.getByRole("heading", { name: "Welcome, Andre Campbell" })).toBeVisible();
    await expect(page.getByText("Signed in as Andre Campbell")).toBeVisible();

    const cookie = await sessionCookie(page.context());
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");

    // The same link a second time, in another browser: refused.
    const other = await newPage(browser);
    await other.page.goto(link);
    await other.page.getByRole("button", { name: "Sign in" }).click();
    await expect(other.page.getByRole("heading", { name: "This sign-in link cannot be used" })).toBeVisible();
    await expect(other.page.getByText(/expired or has already been used/)).toBeVisible();
    expect(await sessionCookie(other.context)).toBeUndefined();
    await other.context.close();
  });

  test("an unknown address sees the same screen as a known one and gets no mail", async ({ page }) => {
    const unknown = `nobody.${Date.now()}@example.org`;
    await requestSignInLink(page, servers.mail, unknown);
    const unknownScreen = await page.locator("main").innerText();

    // A known address asked for after it: once its mail is out, the unknown one's would be too.
    const known = "focal.gt@example.org";
    const before = (await mailsTo(known)).length;
    await requestSignInLink(page, servers.mail, known);
    expect(await page.locator("main").innerText()).toBe(unknownScreen);
    const mail = await waitForMail(known, before);
    // The Guatemalan focal point works in Spanish: her mail is in Spanish.
    expect(mail.subject).toBe("Su enlace de acceso al Portal de Asistencia sobre Armas de Fuego");
    expect(await mailsTo(unknown)).toHaveLength(0);
  });

  test("signing out deletes the session: the old cookie no longer works", async ({ page, browser }) => {
    await signInByEmailLink(page, "officer@example.org");
    const cookie = await sessionCookie(page.context());
    expect(cookie).toBeDefined();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);

    const replay = await newPage(browser);
    await replay.context.addCookies([cookie!]);
    await replay.page.goto(`${servers.mail}/`);
    await expect(replay.page).toHaveURL(/\/sign-in/);
    await expect(replay.page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
    await replay.context.close();
  });

  test("requests for links are rate-limited per address", async ({ page }) => {
    const email = "focal.do@example.org"; // an account no other test signs in with on this server
    for (let i = 0; i < 5; i++) await requestSignInLink(page, servers.mail, email);
    await page.goto(`${servers.mail}/sign-in`);
    await page.locator("#email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.locator("main").getByRole("alert")).toContainText("Too many sign-in requests");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("bad input gets a clear message and sends nothing", async ({ page }) => {
    await page.goto(`${servers.mail}/sign-in`);
    await page.locator("#email").fill("not-an-address");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("without demo mode there is no one-click sign-in, no banner and no mailbox", async ({ page, request }) => {
    await page.goto(`${servers.mail}/sign-in`);
    await expect(page.getByRole("heading", { name: "Demo accounts" })).toHaveCount(0);
    await expect(page.getByTestId("demo-banner")).toHaveCount(0);
    expect((await request.get(`${servers.mail}/mailbox`)).status()).toBe(404);
    // Auth.js's own sign-in endpoint is closed: links are asked for only through the rate-limited form.
    expect((await request.post(`${servers.mail}/api/auth/signin/email`, { form: { email: "admin@example.org" } })).status()).toBe(404);
  });
});

test("an expired link is refused", async ({ page }) => {
  // This server's links expire after 3 seconds instead of 15 minutes.
  const email = "focal.jm@example.org";
  const before = (await mailsTo(email)).length;
  await requestSignInLink(page, servers.expiry, email);
  const link = signInLinkFrom(await waitForMail(email, before));
  expect(link.startsWith(servers.expiry)).toBe(true);
  await page.waitForTimeout(4_000);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "This sign-in link cannot be used" })).toBeVisible();
  expect(await sessionCookie(page.context())).toBeUndefined();
});
