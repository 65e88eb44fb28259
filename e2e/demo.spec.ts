import { expect, test } from "@playwright/test";
import { demoSignIn, newPage, openNewestMailboxMail, requestSignInLink, servers } from "./support/helpers";

const ACCOUNTS = [
  { name: "Ana López", role: "focal_point" },
  { name: "Andre Campbell", role: "focal_point" },
  { name: "Laura Méndez", role: "implementing_partner" },
  { name: "Daniel Reyes", role: "program_officer" },
  { name: "Grace Thompson", role: "reviewer" },
  { name: "Robert Hayes", role: "approver" },
  { name: "Sarah Miller", role: "donor" },
  { name: "Michael Brooks", role: "donor" },
  { name: "Paula Ortiz", role: "admin" },
];

test.describe("demo mode", () => {
  test("one-click sign-in works for every seeded role, and the banner is on every page", async ({ browser }) => {
    test.setTimeout(180_000);
    for (const account of ACCOUNTS) {
      const { context, page } = await newPage(browser);
      await page.goto(`${servers.demo}/sign-in`);
      await expect(page.getByTestId("demo-banner")).toBeVisible();
      await demoSignIn(page, account.name);
      await expect(page.getByTestId(`home-card-${account.role}`)).toBeVisible();
      await expect(page.getByTestId("signed-in-as")).toContainText(account.name);
      await expect(page.getByTestId("demo-banner")).toBeVisible();
      // Navigation follows the role: only administrators manage users.
      const usersLink = page.getByRole("navigation").getByRole("link", { name: /^(Users|Usuarios)$/ });
      await expect(usersLink).toHaveCount(account.role === "admin" ? 1 : 0);
      // Late deliverables are flagged where officers and the implementing partner land (the demo has one).
      if (account.role === "program_officer" || account.role === "implementing_partner") {
        await expect(page.getByTestId("needs-attention")).toContainText("Baseline survey of the participating agencies");
      }
      if (account.role === "donor" || account.role === "reviewer") await expect(page.getByTestId("needs-attention")).toHaveCount(0);
      await page.goto(`${servers.demo}/no-such-page`);
      await expect(page.getByTestId("demo-banner")).toBeVisible();
      await context.close();
    }
  });

  test("a user switches to Spanish and the choice is remembered on the account", async ({ browser }) => {
    const { context, page } = await newPage(browser, "en-US");
    await demoSignIn(page, "Grace Thompson");
    await expect(page.getByRole("heading", { name: "Welcome, Grace Thompson" })).toBeVisible();
    await page.getByLabel("Language").selectOption("es");
    await page.getByRole("button", { name: "Change language" }).click();
    await expect(page.getByRole("heading", { name: "Le damos la bienvenida, Grace Thompson" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Le damos la bienvenida, Grace Thompson" })).toBeVisible();
    await context.close();

    // A new browser with an English preference: the account's choice wins once signed in.
    const again = await newPage(browser, "en-US");
    await demoSignIn(again.page, "Grace Thompson");
    await expect(again.page.getByRole("heading", { name: "Le damos la bienvenida, Grace Thompson" })).toBeVisible();
    await expect(again.page.getByText("Evaluador")).toBeVisible();
    // Switch back so the account is as seeded.
    await again.page.getByLabel("Idioma").selectOption("en");
    await again.page.getByRole("button", { name: "Cambiar idioma" }).click();
    await expect(again.page.getByRole("heading", { name: "Welcome, Grace Thompson" })).toBeVisible();
    await again.context.close();
  });

  test("a visitor's language follows the browser, then the switch", async ({ browser }) => {
    const { context, page } = await newPage(browser, "es-GT");
    await page.goto(`${servers.demo}/sign-in`);
    await expect(page.getByRole("heading", { name: "Iniciar sesión" })).toBeVisible();
    await page.getByLabel("Idioma").selectOption("en");
    await page.getByRole("button", { name: "Cambiar idioma" }).click();
    await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
    await context.close();

    // A Spanish browser signs in as an account that works in English: the page and the language
    // switch both say English, so "Change language" does not flip it back to Spanish unasked.
    const spanish = await newPage(browser, "es-GT");
    await spanish.page.goto(`${servers.demo}/sign-in`);
    await expect(spanish.page.getByLabel("Idioma")).toHaveValue("es");
    await demoSignIn(spanish.page, "Sarah Miller");
    await expect(spanish.page.getByRole("heading", { name: "Welcome, Sarah Miller" })).toBeVisible();
    await expect(spanish.page.getByLabel("Language")).toHaveValue("en");
    await spanish.context.close();
  });

  test("a sign-in link sent in demo mode arrives in the demo mailbox and signs the user in", async ({ page }) => {
    const since = new Date();
    await requestSignInLink(page, servers.demo, "focal.gt@example.org");
    // The sender runs inside the server on an interval: the helper waits for the mail to show.
    await openNewestMailboxMail(page, "focal.gt@example.org", since);
    const link = page.locator("a[href*='/sign-in/confirm']").first();
    await expect(link).toBeVisible();
    await page.goto((await link.getAttribute("href"))!);
    await page.locator("main form button[type=submit]").click();
    await page.waitForURL(`${servers.demo}/`);
    // Ana López works in Spanish.
    await expect(page.getByRole("heading", { name: "Le damos la bienvenida, Ana López" })).toBeVisible();
  });
});
