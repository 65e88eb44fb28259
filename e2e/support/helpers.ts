import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { RecordedEmail } from "./fake-resend";
import { confirmWithPlantedPasskey } from "./passkeys";

export const servers = {
  get mail() {
    return required("E2E_MAIL_URL");
  },
  get demo() {
    return required("E2E_DEMO_URL");
  },
  get expiry() {
    return required("E2E_EXPIRY_URL");
  },
  get down() {
    return required("E2E_DOWN_URL");
  },
  get isolation() {
    return required("E2E_ISOLATION_URL");
  },
  get limits() {
    return required("E2E_LIMITS_URL");
  },
  get limitsProxy() {
    return required("E2E_LIMITS_PROXY_URL");
  },
  get passkeys() {
    return required("E2E_PASSKEYS_URL");
  },
  get fakeResend() {
    return required("E2E_FAKE_RESEND_URL");
  },
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the global setup did not run`);
  return value;
}

/** Mails the fake Resend API accepted for an address, oldest first. */
export async function mailsTo(address: string): Promise<RecordedEmail[]> {
  const res = await fetch(`${servers.fakeResend}/__emails?to=${encodeURIComponent(address)}`);
  expect(res.ok).toBe(true);
  return (await res.json()) as RecordedEmail[];
}

/** Waits until the address has received more than `already` mails and returns the newest. */
export async function waitForMail(address: string, already = 0): Promise<RecordedEmail> {
  let mails: RecordedEmail[] = [];
  await expect
    .poll(
      async () => {
        mails = await mailsTo(address);
        return mails.length;
      },
      { timeout: 15_000, message: `a mail to ${address}` },
    )
    .toBeGreaterThan(already);
  return mails[mails.length - 1];
}

/** The confirmation link in a sign-in mail. */
export function signInLinkFrom(mail: { text?: string; html?: string }): string {
  const source = `${mail.text ?? ""}\n${mail.html ?? ""}`;
  const match = source.match(/https?:\/\/[^\s"'<>]+\/sign-in\/confirm\?[^\s"'<>]+/);
  if (!match) throw new Error(`no sign-in link in mail:\n${source.slice(0, 2000)}`);
  return match[0].replace(/&amp;/g, "&");
}

/** Asks the portal at `base` for a sign-in link for `email` through the sign-in form. */
export async function requestSignInLink(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.locator("#email").fill(email);
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL(/\/sign-in\/check-email/);
}

/**
 * Follows the newest sign-in link mailed to `email` by the portal at `base` (asked for after `before` mails)
 * and confirms it; returns where the portal then sent the browser: home, or the passkey step for staff.
 */
export async function followSignInLink(page: Page, base: string, email: string, before: number): Promise<"home" | "passkey"> {
  // Several servers mail the same seeded accounts: only a link to this one will do.
  let link = "";
  await expect
    .poll(
      async () => {
        const links = (await mailsTo(email)).slice(before).flatMap((mail) => {
          try {
            return [signInLinkFrom(mail)];
          } catch {
            return [];
          }
        });
        link = links.filter((l) => l.startsWith(`${base}/`)).at(-1) ?? "";
        return link;
      },
      { timeout: 15_000, message: `a sign-in link to ${base} for ${email}` },
    )
    .not.toBe("");
  await page.goto(link);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((url) => url.origin === base && (url.pathname === "/" || url.pathname === "/sign-in/passkey"));
  return new URL(page.url()).pathname === "/" ? "home" : "passkey";
}

/**
 * Full sign-in by email link against the mail server; returns the page on the home screen. Staff
 * (program officers, approvers, administrators) then confirm with their passkey: the seeded ones have a
 * planted credential, which a virtual authenticator on the page uses (e2e/support/passkeys.ts).
 */
export async function signInByEmailLink(page: Page, email: string): Promise<void> {
  const before = (await mailsTo(email)).length;
  await requestSignInLink(page, servers.mail, email);
  if ((await followSignInLink(page, servers.mail, email, before)) === "passkey") await confirmWithPlantedPasskey(page, email);
  await page.waitForURL(`${servers.mail}/`);
}

/** Demo mode: one-click sign-in as the seeded account with this display name. */
export async function demoSignIn(page: Page, name: string, base = servers.demo): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByRole("button", { name: new RegExp(`${name}$`) }).click();
  await page.waitForURL(`${base}/`);
}

export async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
}

export async function newPage(browser: Browser, locale = "en-US"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}

/** Demo mode: opens the newest mail to `to` in the demo mailbox (waiting for the sender) and returns its sign-in link. */
export async function openNewestMailboxMail(page: Page, to: string, since?: Date): Promise<void> {
  const escaped = to.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(async () => {
    await page.goto(`${servers.demo}/mailbox`);
    const link = page.getByRole("link", { name: new RegExp(`${escaped}$`) }).first();
    await expect(link).toBeVisible({ timeout: 500 });
    if (since) {
      const time = await link.locator("xpath=ancestor::tr").locator("time").getAttribute("datetime");
      expect(new Date(time!).getTime()).toBeGreaterThanOrEqual(since.getTime() - 1000);
    }
    await link.click();
  }).toPass({ timeout: 15_000 });
}

/** Waits until React has hydrated the forms in the page's main area (their inputs are then live). */
export async function formsHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const forms = Array.from(document.querySelectorAll("main form"));
    return forms.length > 0 && forms.every((form) => Object.keys(form).some((key) => key.startsWith("__reactProps")));
  });
}

/** Signs in by email link on the mail server in a new browser context; returns its page. */
export async function signedInPage(browser: Browser, email: string, locale = "en-US"): Promise<{ context: BrowserContext; page: Page }> {
  const session = await newPage(browser, locale);
  await signInByEmailLink(session.page, email);
  return session;
}
