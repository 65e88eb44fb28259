import { expect, test } from "@playwright/test";
import { demoSignIn, newPage, openNewestMailboxMail, requestSignInLink, servers } from "./support/helpers";

test("an admin invites a user, who signs in by email link; deactivation signs them out on their next request", async ({ browser }) => {
  test.setTimeout(150_000); // four browsers and two mail round trips; slower on the embedded database
  const email = `marisol.quintero.${Date.now()}@example.org`;

  // Paula Ortiz, the administrator, works in Spanish.
  const admin = await newPage(browser, "es-419");
  await demoSignIn(admin.page, "Paula Ortiz");
  await admin.page.getByRole("navigation").getByRole("link", { name: "Usuarios" }).click();
  await admin.page.getByRole("link", { name: "Invitar a un usuario" }).click();

  // Bad input first: a clear message in her language, nothing created.
  await admin.page.getByRole("button", { name: "Crear la cuenta y enviar la invitación" }).click();
  await expect(admin.page.getByText("Ingrese el nombre de la persona.")).toBeVisible();

  const form = admin.page.locator("main");
  await form.getByLabel("Nombre completo").fill("Marisol Quintero");
  await form.getByLabel("Correo electrónico").fill(email);
  await form.getByLabel("Idioma").selectOption("en");
  await form.getByRole("checkbox", { name: "Evaluador" }).check();
  await admin.page.getByRole("button", { name: "Crear la cuenta y enviar la invitación" }).click();
  await expect(admin.page.getByText("Se creó la cuenta y se envió la invitación.")).toBeVisible();
  const userPage = admin.page.url();

  // The invitation arrives in English (the language chosen for her).
  const user = await newPage(browser, "en-US");
  await openNewestMailboxMail(user.page, email);
  await expect(user.page.getByRole("heading", { name: /Paula Ortiz gave you access/i })).toBeVisible();

  // She asks for a sign-in link and follows it.
  const since = new Date();
  await requestSignInLink(user.page, servers.demo, email);
  await openNewestMailboxMail(user.page, email, since);
  const link = user.page.locator("a[href*='/sign-in/confirm']").first();
  await user.page.goto((await link.getAttribute("href"))!);
  await user.page.getByRole("button", { name: "Sign in" }).click();
  await user.page.waitForURL(`${servers.demo}/`);
  await expect(user.page.getByRole("heading", { name: "Welcome, Marisol Quintero" })).toBeVisible();
  await expect(user.page.getByTestId("home-card-reviewer")).toBeVisible();

  // The admin deactivates the account.
  await admin.page.goto(userPage);
  await admin.page.getByRole("button", { name: "Desactivar la cuenta" }).click();
  await admin.page.getByRole("button", { name: "Sí, desactivar" }).click();
  await expect(admin.page.getByText("Se desactivó la cuenta y se cerraron todas sus sesiones.")).toBeVisible();

  // Her next request: signed out.
  await user.page.reload();
  await expect(user.page).toHaveURL(/\/sign-in/);
  await expect(user.page.getByTestId("signed-in-as")).toHaveCount(0);

  // Other users cannot reach the user administration: it does not exist for them.
  const officer = await newPage(browser, "en-US");
  await demoSignIn(officer.page, "Daniel Reyes");
  const response = await officer.page.goto(`${servers.demo}/admin/users`);
  expect(response?.status()).toBe(404);
  await expect(officer.page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  await Promise.all([admin.context.close(), user.context.close(), officer.context.close()]);
});
