import { expect, test, type Page } from "@playwright/test";
import { demoSignIn, followSignInLink, mailsTo, newPage, requestSignInLink, servers, waitForMail } from "./support/helpers";
import { addVirtualAuthenticator, confirmWithPasskey, credentialCount, type VirtualAuthenticator } from "./support/passkeys";

// Against the "passkeys" server: sign-in by e-mail link as on the mail server, but no staff account has a
// passkey yet. Each browser page gets a virtual authenticator (CTAP2, internal, resident key, user verified).

/** Signs in by link on the passkeys server; staff land on the passkey step. */
async function signInByLink(page: Page, email: string): Promise<"home" | "passkey"> {
  const before = (await mailsTo(email)).length;
  await requestSignInLink(page, servers.passkeys, email);
  return followSignInLink(page, servers.passkeys, email, before);
}

async function expectNoDataPages(page: Page) {
  // Home last: the step then goes on to home.
  for (const path of ["/requests", "/awards", "/account/passkeys", "/"]) {
    await page.goto(`${servers.passkeys}${path}`);
    // The passkey step, which then goes on to the page asked for.
    await expect(page, path).toHaveURL(`${servers.passkeys}/sign-in/passkey${path === "/" ? "" : `?callbackUrl=${encodeURIComponent(path)}`}`);
  }
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /^(Sign out|Cerrar sesión)$/ }).first().click();
  await page.waitForURL(/\/sign-in$/);
}

test("an officer registers a passkey after the first e-mail sign-in, needs it from then on, adds a second and removes one", async ({ browser }) => {
  test.setTimeout(150_000);
  const email = "officer@example.org";
  const { context, page } = await newPage(browser, "en-US");
  const laptop = await addVirtualAuthenticator(page);

  // First sign-in by link: the passkey step asks to register one; until then, no data page opens.
  expect(await signInByLink(page, email)).toBe("passkey");
  await expect(page.getByRole("heading", { name: "Second step: your passkey" })).toBeVisible();
  await expect(page.getByText(`You signed in by e-mail link as ${email}.`)).toBeVisible();
  await expectNoDataPages(page);
  await page.getByLabel("Name for this passkey").fill("Office laptop");
  await page.getByRole("button", { name: "Register a passkey" }).click();
  await page.waitForURL(`${servers.passkeys}/`);
  await expect(page.getByRole("heading", { name: "Welcome, Daniel Reyes" })).toBeVisible();
  expect(await credentialCount(laptop)).toBe(1);

  // Signed out and in again by link: the link alone opens nothing; the passkey does.
  await signOut(page);
  expect(await signInByLink(page, email)).toBe("passkey");
  await expect(page.getByRole("button", { name: "Use my passkey" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Register a passkey" })).toHaveCount(0);
  await expectNoDataPages(page);

  // A forged answer (a bogus signature) is refused and the session stays on the passkey step.
  await laptop.cdp.send("WebAuthn.setResponseOverrideBits", { authenticatorId: laptop.authenticatorId, isBogusSignature: true });
  await page.getByRole("button", { name: "Use my passkey" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("The passkey could not be verified. Try again.");
  await expectNoDataPages(page);
  await laptop.cdp.send("WebAuthn.setResponseOverrideBits", { authenticatorId: laptop.authenticatorId, isBogusSignature: false });
  await confirmWithPasskey(page);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Signed in as Daniel Reyes");

  // The account page: one passkey, which cannot be removed.
  await page.getByRole("link", { name: "Passkeys" }).click();
  await expect(page.getByRole("heading", { name: "Passkeys", level: 1 })).toBeVisible();
  await expect(page.getByTestId("passkey-count")).toHaveText("You have 1 passkey.");
  const table = page.getByTestId("passkeys-table");
  await expect(table.getByRole("row", { name: /Office laptop/ })).toBeVisible();
  await expect(table.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(table.getByText(/your only passkey/)).toBeVisible();

  // A second passkey on a security key: the laptop stays out of this prompt.
  await laptop.cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId: laptop.authenticatorId, enabled: false });
  const key = await addVirtualAuthenticator(page, "usb");
  await page.getByLabel("Name for this passkey").fill("Blue key");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The passkey was registered." })).toBeVisible();
  await expect(page.getByTestId("passkey-count")).toHaveText("You have 2 passkeys.");
  await expect(table.getByRole("row", { name: /Blue key/ })).toContainText("Never");
  expect(await credentialCount(key)).toBe(1);

  // Remove the laptop's passkey.
  await table.getByRole("button", { name: "Remove the passkey Office laptop" }).click();
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The passkey was removed." })).toBeVisible();
  await expect(page.getByTestId("passkey-count")).toHaveText("You have 1 passkey.");
  await expect(table.getByRole("row", { name: /Office laptop/ })).toHaveCount(0);

  // The next sign-in works with the key that remains, and goes on to the page it started from.
  await signOut(page);
  await page.goto(`${servers.passkeys}/requests`);
  await expect(page).toHaveURL(`${servers.passkeys}/sign-in?callbackUrl=%2Frequests`);
  const before = (await mailsTo(email)).length;
  await page.locator("#email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.waitForURL(/\/sign-in\/check-email/);
  expect(await followSignInLink(page, servers.passkeys, email, before)).toBe("passkey");
  await expect(page).toHaveURL(`${servers.passkeys}/sign-in/passkey?callbackUrl=%2Frequests`);
  await confirmWithPasskey(page, "/requests");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Signed in as Daniel Reyes");
  await context.close();
});

test("an administrator resets a user's lost passkey: the user is signed out, told by mail, and registers a new one", async ({ browser }) => {
  test.setTimeout(150_000);
  const email = "approver@example.org";
  const approver = await newPage(browser, "en-US");
  const lost: VirtualAuthenticator = await addVirtualAuthenticator(approver.page);
  expect(await signInByLink(approver.page, email)).toBe("passkey");
  await approver.page.getByRole("button", { name: "Register a passkey" }).click();
  await approver.page.waitForURL(`${servers.passkeys}/`);
  expect(await credentialCount(lost)).toBe(1);

  // Paula Ortiz, the administrator, works in Spanish; she registers her own passkey first.
  const admin = await newPage(browser, "es-419");
  await addVirtualAuthenticator(admin.page);
  expect(await signInByLink(admin.page, "admin@example.org")).toBe("passkey");
  await expect(admin.page.getByRole("heading", { name: "Segundo paso: su llave de acceso" })).toBeVisible();
  await admin.page.getByRole("button", { name: "Registrar una llave de acceso" }).click();
  await admin.page.waitForURL(`${servers.passkeys}/`);

  await admin.page.goto(`${servers.passkeys}/admin/users?search=approver`);
  await admin.page.getByRole("link", { name: "Robert Hayes" }).click();
  await expect(admin.page.getByTestId("user-passkey-count")).toHaveText("Este usuario tiene 1 llave de acceso.");
  const mailsBefore = (await mailsTo(email)).length;
  await admin.page.getByRole("button", { name: "Restablecer llaves de acceso" }).click();
  await admin.page.getByRole("button", { name: "Sí, restablecer las llaves" }).click();
  await expect(admin.page.getByText("Se restablecieron las llaves de acceso y se cerraron todas las sesiones del usuario.")).toBeVisible();
  await expect(admin.page.getByTestId("user-passkey-count")).toHaveText(/^Este usuario no tiene llaves de acceso\./);
  await expect(admin.page.getByRole("button", { name: "Restablecer llaves de acceso" })).toHaveCount(0);

  // The approver's open session is over, and the mail tells him, in his language.
  await approver.page.reload();
  await expect(approver.page).toHaveURL(/\/sign-in$/);
  const mail = await waitForMail(email, mailsBefore);
  expect(mail.subject).toBe("Your passkeys for the Firearms Assistance Portal were reset");
  expect(mail.text).toContain("Paula Ortiz, an administrator of the portal, removed the passkeys of your account");
  expect(mail.text).toContain(`${servers.passkeys}/sign-in`);

  // His next sign-in by link registers a new passkey.
  const found = await newPage(browser, "en-US");
  await addVirtualAuthenticator(found.page);
  expect(await signInByLink(found.page, email)).toBe("passkey");
  await expect(found.page.getByRole("button", { name: "Register a passkey" })).toBeVisible();
  await found.page.getByLabel("Name for this passkey").fill("New phone");
  await found.page.getByRole("button", { name: "Register a passkey" }).click();
  await found.page.waitForURL(`${servers.passkeys}/`);
  await expect(found.page.getByRole("heading", { name: "Welcome, Robert Hayes" })).toBeVisible();

  await Promise.all([approver.context.close(), admin.context.close(), found.context.close()]);
});

test("demo mode keeps its one-click sign-in, which skips the second factor and says so", async ({ browser }) => {
  const { context, page } = await newPage(browser, "en-US");
  await page.goto(`${servers.demo}/sign-in`);
  await expect(page.getByTestId("demo-second-factor")).toHaveText(/^Demo sign-in skips the second factor/);
  await expect(page.getByTestId("demo-banner")).toContainText("skips the second factor (passkey) of staff");
  await demoSignIn(page, "Daniel Reyes");
  await expect(page.getByRole("heading", { name: "Welcome, Daniel Reyes" })).toBeVisible();
  await context.close();

  const spanish = await newPage(browser, "es-419");
  await spanish.page.goto(`${servers.demo}/sign-in`);
  await expect(spanish.page.getByTestId("demo-second-factor")).toHaveText(/^El acceso de demostración omite el segundo factor/);
  await spanish.context.close();
});
