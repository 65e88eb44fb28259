import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { servers, signedInPage } from "./support/helpers";

const root = path.resolve(import.meta.dirname, "..");

/** The text of a PDF as pdftotext reads it, with line breaks and runs of spaces as single spaces. */
function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

async function download(page: Page, linkName: string, file: string): Promise<string> {
  const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  await saved.saveAs(file);
  return saved.suggestedFilename();
}

/** The text of an indicator's accepted actuals cell, as the table on screen shows it. */
async function actualShown(page: Page, indicator: string): Promise<string> {
  const row = page.getByTestId("indicators-table").getByRole("row", { name: new RegExp(indicator) });
  return (await row.getByRole("cell").nth(3).innerText()).trim();
}

// INL funds the Merida Initiative and CBSI in the demo data; PM/WRA funds the OAS and UNLIREC programs.
test("a donor opens a funded program, drills down to a country and an award, downloads the PDF and the IATI file; another donor gets none of it", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const inl = await signedInPage(browser, "donor.inl@example.org");
  const page = inl.page;

  // Home: each funded program at a glance (none of the other donor's), with the dashboard's figures.
  await expect(page.getByTestId("glance-cbsi")).toBeVisible();
  await expect(page.getByTestId("glance-oas-marking")).toHaveCount(0);
  const meridaAtAGlance = page.getByTestId("glance-merida-ca");
  await expect(meridaAtAGlance.getByTestId("glance-indicators").getByRole("row", { name: /Weapons destroyed/ })).toContainText("3,600");
  await expect(meridaAtAGlance.getByTestId("glance-latest-report")).toContainText(/period \d+ of AW-\d{4}-\d{4}/);

  // Home leads to the dashboards, which list the two funded programs only.
  await page.getByRole("navigation").getByRole("link", { name: "Dashboards" }).click();
  const programs = page.getByTestId("dashboards-table");
  await expect(programs.getByRole("link")).toHaveText(["Caribbean Basin Security Initiative", "Merida Initiative — Central America"]);
  await expect(programs).not.toContainText("OAS Firearms Marking Program");

  await programs.getByRole("link", { name: "Merida Initiative — Central America" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Merida Initiative — Central America");
  const programUrl = page.url();
  // Guatemala's destruction award: three accepted reports (1,200 + 1,500 + 900); the fourth was returned.
  const destroyed = await actualShown(page, "Weapons destroyed");
  expect(destroyed).toBe("3,600");
  const tonnes = await actualShown(page, "Ammunition destroyed");
  expect(tonnes).toBe("9.5");
  // Guatemala's fourth report was returned and its due date has passed: counted overdue, its content unseen.
  await expect(page.getByTestId("reports-overdue").locator(".dash-card-value")).toHaveText(/^[1-9]\d*$/);

  // The PDF progress report carries the program's name and the same figures.
  const pdfFile = testInfo.outputPath("program-report.pdf");
  expect(await download(page, "Progress report (PDF, English)", pdfFile)).toMatch(/^merida-ca-progress-report-\d{4}-\d{2}-\d{2}\.pdf$/);
  const programPdf = pdfText(pdfFile);
  expect(programPdf).toContain("Merida Initiative — Central America");
  expect(programPdf).toMatch(new RegExp(`Weapons destroyed count [\\d,]+ [\\d,]+ ${destroyed} `));
  expect(programPdf).toMatch(new RegExp(`Ammunition destroyed tonnes [\\d,.]+ [\\d,.]+ ${tonnes.replace(".", "\\.")} `));
  expect(programPdf).toMatch(/Page 1 of \d+/);
  expect(programPdf).not.toContain("Third batch destroyed."); // the returned report's narrative

  // The IATI file validates against the IATI 2.03 schema and has one activity per award shown.
  const xmlFile = testInfo.outputPath("iati.xml");
  await download(page, "IATI activity file (XML)", xmlFile);
  const validation = execFileSync("xmllint", ["--noout", "--schema", path.join(root, "lib/iati/schema/iati-activities-schema.xsd"), xmlFile], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  expect(validation).toBe("");
  const xml = execFileSync("cat", [xmlFile], { encoding: "utf8" });
  const awardsShown = await page.getByTestId("dashboard-awards-table").locator("tbody tr").count();
  expect(xml.match(/<iati-activity[\s>]/g)?.length).toBe(awardsShown);
  expect(xml).toContain('<sector vocabulary="1" code="15240"');

  // Drill down: country, then award.
  await page.getByTestId("countries-table").getByRole("link", { name: "Guatemala" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Guatemala");
  await page.getByRole("link", { name: /AW-\d{4}-\d{4}/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Destruction of surplus firearms and ammunition");
  const reports = page.getByTestId("award-reports-table");
  await expect(reports.locator("tbody tr")).toHaveCount(3);
  await expect(page.getByTestId("reports-accepted").locator(".dash-card-value")).toHaveText("3");
  await expect(page.getByTestId("reports-overdue").locator(".dash-card-value")).toHaveText(/^[1-9]\d*$/);
  await expect(reports).toContainText("Inventory of the DIGECAM surplus completed");
  await expect(page.locator("main")).not.toContainText("Third batch destroyed.");
  await expect(page.locator("main")).not.toContainText("Please attach the destruction certificate"); // the officer's return comment
  await expect(page.locator("main")).not.toContainText("@example.org");
  await expect(page.getByTestId("award-equipment-table")).toContainText("Hydraulic cutting shears");
  const awardPdf = testInfo.outputPath("award-report.pdf");
  await download(page, "Download this award's progress report (PDF)", awardPdf);
  expect(pdfText(awardPdf)).toContain("Destruction of surplus firearms and ammunition");

  // PM/WRA's donor sees neither the program, nor its country and award pages, nor its files.
  const wra = await signedInPage(browser, "donor.wra@example.org");
  await wra.page.goto(`${servers.mail}/dashboards`);
  await expect(wra.page.getByTestId("dashboards-table")).not.toContainText("Merida");
  for (const url of [programUrl, page.url()]) {
    const res = await wra.page.goto(url);
    expect(res?.status(), url).toBe(404);
  }
  for (const file of ["report.pdf?lang=en", "iati.xml", "export/awards.csv"]) {
    const res = await wra.page.request.get(`${programUrl}/${file}`);
    expect(res.status(), file).toBe(404);
  }

  await inl.context.close();
  await wra.context.close();
});
