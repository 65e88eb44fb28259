import { expect, test } from "@playwright/test";
import { formsHydrated, mailsTo, servers, signedInPage, waitForMail } from "./support/helpers";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

// The demo's active Honduran award (training of prosecutors and investigators, merida-ca, implemented by
// the OAS) tracks "officers trained" (target 60); its first tranche is disbursed and its second waits for
// the first quarter's report, whose period has ended.
test("a quarterly report with actuals and evidence: returned, fixed, accepted; indicator totals and the tranche it unlocks update; the officer records the disbursement", async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // The Honduran focal point (Spanish) opens the award from his list.
  const hn = await signedInPage(browser, "focal.hn@example.org", "es-419");
  await hn.page.goto(`${servers.mail}/awards`);
  await hn.page.getByRole("link", { name: /AW-\d{4}-\d{4}/ }).first().click();
  await expect(hn.page.getByTestId("award-status")).toHaveText("Activa");
  const awardUrl = hn.page.url().split("?")[0];
  await expect(hn.page.getByTestId("tranche-2")).toContainText("En espera de que se acepte el informe");

  // Evidence on the late baseline survey deliverable.
  await formsHydrated(hn.page);
  const survey = hn.page.getByRole("listitem").filter({ hasText: "Baseline survey of the participating agencies" });
  await survey.locator("input[type=file]").setInputFiles({ name: "encuesta-linea-de-base.pdf", mimeType: "application/pdf", buffer: PDF });
  await survey.getByRole("button", { name: "Subir" }).click();
  await expect(survey.getByText(/encuesta-linea-de-base\.pdf/)).toBeVisible();

  // The report of period 1: narrative, expenditure, the indicator actual with a breakdown, a deliverable update.
  await hn.page.getByRole("link", { name: "Completar el informe del período 1" }).click();
  await hn.page.waitForURL(/\/reports\/1$/);
  await formsHydrated(hn.page);
  const reportUrl = hn.page.url().split("?")[0];
  await hn.page.locator('[name="narrativeEs"]').fill("Primer curso dictado a 30 fiscales e investigadores.");
  await hn.page.locator('[name="expenditureToDate"]').fill("20000");
  await hn.page.locator('[name="actuals.0.value"]').fill("30");
  await hn.page.getByRole("button", { name: "Agregar una fila de desglose" }).click();
  await hn.page.locator('[name="actuals.0.breakdown.0.label"]').fill("Ministerio Público");
  await hn.page.locator('[name="actuals.0.breakdown.0.value"]').fill("18");
  await hn.page.getByRole("button", { name: "Agregar una fila de desglose" }).click();
  await hn.page.locator('[name="actuals.0.breakdown.1.label"]').fill("Policía Nacional");
  await hn.page.locator('[name="actuals.0.breakdown.1.value"]').fill("11");
  await hn.page.getByLabel(/Baseline survey of the participating agencies/).fill("Encuesta aplicada en las dos instituciones; informe adjunto al entregable.");
  // A breakdown that does not add up is refused in Spanish, and nothing is submitted.
  await hn.page.getByTestId("report-submit").click();
  await expect(hn.page.getByText("El desglose debe sumar el valor.")).toBeVisible();
  await hn.page.locator('[name="actuals.0.breakdown.1.value"]').fill("12");
  const officerMails = (await mailsTo("officer@example.org")).length;
  await hn.page.getByTestId("report-submit").click();
  await expect(hn.page.getByTestId("report-status")).toHaveText("Presentado");
  expect((await waitForMail("officer@example.org", officerMails)).subject).toMatch(/report|informe/i);

  // The officer returns it with a comment; the focal point is mailed in Spanish.
  const officer = await signedInPage(browser, "officer@example.org");
  await officer.page.goto(reportUrl);
  await formsHydrated(officer.page);
  await expect(officer.page.getByText("Primer curso dictado a 30 fiscales e investigadores.")).toBeVisible();
  const hnMails = (await mailsTo("focal.hn@example.org")).length;
  await officer.page.getByRole("radio", { name: "Return it for corrections" }).check();
  await officer.page.getByLabel("Comment").fill("The attendance list shows 32 participants: please correct the figure.");
  await officer.page.getByRole("button", { name: "Record the decision" }).click();
  await expect(officer.page.getByTestId("report-status")).toHaveText("Returned");
  const returned = await waitForMail("focal.hn@example.org", hnMails);
  expect(returned.subject).toContain("devuelto");
  expect(returned.text ?? returned.html ?? "").toContain("32 participants");

  // The focal point fixes the figure and submits again.
  await hn.page.goto(reportUrl);
  await formsHydrated(hn.page);
  await expect(hn.page.getByText("La oficina de programa devolvió este informe.")).toBeVisible();
  await expect(hn.page.getByText("The attendance list shows 32 participants")).toBeVisible();
  await hn.page.locator('[name="actuals.0.value"]').fill("32");
  await hn.page.locator('[name="actuals.0.breakdown.1.value"]').fill("14");
  await hn.page.getByTestId("report-submit").click();
  await expect(hn.page.getByTestId("report-status")).toHaveText("Presentado");

  // Before acceptance the indicator counts nothing and the tranche still waits.
  await officer.page.goto(awardUrl);
  await expect(officer.page.getByTestId("reporting-indicators").getByRole("row", { name: /Officers trained/ }).getByRole("cell").nth(3)).toHaveText("0");
  await expect(officer.page.getByTestId("tranche-2")).toContainText("Waiting for the report to be accepted");

  // The officer accepts it.
  await officer.page.goto(reportUrl);
  await formsHydrated(officer.page);
  await officer.page.getByRole("radio", { name: "Accept the report" }).check();
  await officer.page.getByRole("button", { name: "Record the decision" }).click();
  await expect(officer.page.getByTestId("report-status")).toHaveText("Accepted");

  // Indicator totals and the tranche update; the officer records the disbursement.
  await officer.page.goto(awardUrl);
  const trainedRow = officer.page.getByTestId("reporting-indicators").getByRole("row", { name: /Officers trained/ });
  await expect(trainedRow.getByRole("cell").nth(3)).toHaveText("32");
  await expect(trainedRow.getByRole("cell").nth(4)).toHaveText("53.3 %");
  await expect(officer.page.getByTestId("period-1")).toHaveAttribute("data-status", "accepted");
  await expect(officer.page.getByTestId("tranche-2")).toContainText("Ready to disburse");
  const disbursedBefore = await officer.page.getByTestId("reporting-money").innerText();
  expect(disbursedBefore).toContain("$20,000.00"); // reported expenditure of the accepted report
  await formsHydrated(officer.page);
  const record = officer.page.getByTestId("tranche-disburse-2");
  // Bad amounts are refused with a message next to the field (in the browser, then by the server) and record nothing.
  const amountField = record.getByLabel("Amount disbursed (USD)");
  const planned = await amountField.inputValue();
  await amountField.fill("-5");
  await record.getByRole("button", { name: "Record the disbursement" }).click();
  await expect(record.getByText("The amount must be greater than zero.")).toBeVisible();
  await amountField.fill("40000");
  await record.getByRole("button", { name: "Record the disbursement" }).click();
  await expect(record.getByText("The disbursement cannot be more than the tranche's planned amount.")).toBeVisible();
  await expect(officer.page.getByTestId("tranche-2")).toContainText("Not yet disbursed");
  await amountField.fill(planned);
  await record.getByRole("button", { name: "Record the disbursement" }).click();
  await expect(officer.page.getByTestId("tranche-2")).toContainText(/\$[\d,]+\.\d{2} on /);
  await expect(officer.page.getByTestId("tranche-disburse-2")).toHaveCount(0);
  const amount = (await officer.page.getByTestId("award-amount").innerText()).trim();
  await expect(officer.page.getByTestId("reporting-money")).toContainText(amount); // committed = disbursed = the award amount

  // The focal point sees the accepted, frozen report and the same figures.
  await hn.page.goto(reportUrl);
  await expect(hn.page.getByTestId("report-status")).toHaveText("Aceptado");
  await expect(hn.page.getByText("Este informe fue aceptado y ya no puede modificarse.")).toBeVisible();
  await expect(hn.page.getByTestId("report-form")).toHaveCount(0);

  await hn.context.close();
  await officer.context.close();
});
