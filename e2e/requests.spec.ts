import { expect, test, type Page } from "@playwright/test";
import { demoSignIn, newPage, openNewestMailboxMail, servers } from "./support/helpers";

// A small but real PDF: the portal checks the type by content, not by name.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

const field = (page: Page, path: string) => page.locator(`main form [id$="-${path.replace(/\./g, "-")}"]`);
/** The form fills its inputs when React hydrates it: typing before that would be overwritten. */
const formReady = (page: Page) => expect(page.locator("main form[data-hydrated=true]")).toBeVisible();
const rowLink = (page: Page, text: string) => page.getByRole("row", { name: new RegExp(text) }).getByRole("link").first();

test("a Guatemalan focal point files a request in Spanish; an officer finds it and opens the attachment; Jamaica cannot", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Máquinas de marcaje para la PNC ${Date.now()}`;

  // Ana López, the Guatemalan focal point, works in Spanish.
  const gt = await newPage(browser, "es-419");
  await demoSignIn(gt.page, "Ana López");
  await gt.page.getByRole("navigation").getByRole("link", { name: "Solicitudes" }).click();
  await gt.page.getByRole("link", { name: "Nueva solicitud" }).click();
  await formReady(gt.page);

  // A partial draft: only a title, a category and one detail.
  await field(gt.page, "titleEs").fill(title);
  await field(gt.page, "category").selectOption("marking_equipment");
  await field(gt.page, "details.machinesWanted").fill("3");
  await gt.page.getByRole("button", { name: "Guardar borrador" }).click();
  await expect(gt.page.getByText("Se guardó el borrador.")).toBeVisible();
  await expect(gt.page.getByTestId("request-status")).toHaveText("Borrador");
  const requestUrl = gt.page.url().split("?")[0];
  const reference = (await gt.page.getByTestId("request-reference").innerText()).trim();
  expect(reference).toMatch(/^GT-\d{4}-\d{4}$/);

  // A PDF quotation, and a file that only pretends to be one.
  await gt.page.locator("input[type=file]").setInputFiles({ name: "cotizacion-marcaje.pdf", mimeType: "application/pdf", buffer: PDF });
  await gt.page.getByRole("button", { name: "Subir" }).click();
  await expect(gt.page.getByRole("link", { name: /cotizacion-marcaje\.pdf/ })).toBeVisible();
  await gt.page.locator("input[type=file]").setInputFiles({ name: "falso.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>not a pdf</html>") });
  await gt.page.getByRole("button", { name: "Subir" }).click();
  await expect(gt.page.getByTestId("attachments-errors")).toContainText("falso.pdf");
  await expect(gt.page.getByRole("link", { name: /falso\.pdf/ })).toHaveCount(0);

  // She comes back later: from the list, to the draft, completes it and submits.
  await gt.page.goto(`${servers.demo}/requests?status=draft`);
  await rowLink(gt.page, title).click();
  await gt.page.getByRole("link", { name: "Editar la solicitud" }).click();
  await formReady(gt.page);
  await expect(field(gt.page, "titleEs")).toHaveValue(title);

  // Submitting an incomplete request: messages in Spanish, nothing sent.
  await gt.page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(gt.page.getByText("No se guardó la solicitud.")).toBeVisible();
  await expect(gt.page.getByText("Este campo es obligatorio para enviar.").first()).toBeVisible();

  await field(gt.page, "narrativeEs").fill("La PNC necesita marcar las armas incautadas.\nTambién las de dotación.");
  await field(gt.page, "justificationEs").fill("Cumplir con la CIFTA y mejorar el rastreo.");
  await field(gt.page, "details.firearmsToMarkPerYear").fill("15000");
  await field(gt.page, "details.operatingAgencies").fill("DIGECAM, PNC");
  await field(gt.page, "estimatedCost").fill("180000");
  await field(gt.page, "urgency").selectOption("high");
  await field(gt.page, "desiredStartOn").fill(new Date(Date.now() + 120 * 86400_000).toISOString().slice(0, 10));
  await gt.page.getByRole("checkbox", { name: /Programa de Marcaje de Armas de Fuego de la OEA/ }).check();
  await gt.page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(gt.page.getByText("Se envió la solicitud. Se notificó a la oficina de programa.")).toBeVisible();
  await expect(gt.page.getByTestId("request-status")).toHaveText("Enviada");
  await expect(gt.page.getByTestId("narrative-es")).toHaveText("La PNC necesita marcar las armas incautadas.\nTambién las de dotación.");
  await expect(gt.page.getByRole("link", { name: "Editar la solicitud" })).toHaveCount(0);

  // The program officer is told by mail (demo mailbox) and finds it with the filters.
  const officer = await newPage(browser, "en-US");
  await openNewestMailboxMail(officer.page, "officer@example.org");
  await expect(officer.page.getByRole("heading", { name: `New request ${reference} from Guatemala` })).toBeVisible();
  await demoSignIn(officer.page, "Daniel Reyes");
  await officer.page.getByRole("navigation").getByRole("link", { name: "Requests" }).click();
  await officer.page.getByLabel("Country").selectOption("GT");
  await officer.page.getByLabel("Category").selectOption("marking_equipment");
  await officer.page.getByLabel("Search").fill(reference);
  await officer.page.getByRole("button", { name: "Apply" }).click();
  await rowLink(officer.page, title).click();
  await expect(officer.page.getByTestId("request-reference")).toHaveText(reference);
  const downloadPromise = officer.page.waitForEvent("download");
  await officer.page.getByRole("link", { name: /cotizacion-marcaje\.pdf/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("cotizacion-marcaje.pdf");
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
  const attachmentUrl = download.url();

  // Jamaica's focal point: the request and its attachment do not exist for him.
  const jm = await newPage(browser, "en-US");
  await demoSignIn(jm.page, "Andre Campbell");
  const page404 = await jm.page.goto(requestUrl);
  expect(page404?.status()).toBe(404);
  await expect(jm.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await jm.page.request.get(attachmentUrl)).status()).toBe(404);
  expect((await jm.page.request.get(`${requestUrl}/edit`)).status()).toBe(404);
  await jm.page.goto(`${servers.demo}/requests?q=${encodeURIComponent(reference)}`);
  await expect(jm.page.getByRole("row", { name: new RegExp(title) })).toHaveCount(0);

  await Promise.all([gt.context.close(), officer.context.close(), jm.context.close()]);
});

test("text is shown as text, never as HTML", async ({ browser }) => {
  const gt = await newPage(browser, "es-419");
  await demoSignIn(gt.page, "Ana López");
  await gt.page.goto(`${servers.demo}/requests/new`);
  await formReady(gt.page);
  const payload = `<img src=x onerror="document.title='hacked'"> Título ${Date.now()}`;
  await field(gt.page, "titleEs").fill(payload);
  await gt.page.getByRole("button", { name: "Guardar borrador" }).click();
  await expect(gt.page.getByText("Se guardó el borrador.")).toBeVisible();
  await expect(gt.page.getByRole("heading", { level: 1 })).toContainText("<img src=x");
  expect(await gt.page.title()).not.toBe("hacked");
  expect(await gt.page.locator("main img").count()).toBe(0);
  await gt.context.close();
});
