// The PDF worker thread as the route handlers use it: the same documents as rendering in place, several
// at once, and a failed or lost render reported as an error while the next report still works.
import { afterAll, describe, expect, it } from "vitest";
import type { ProgramOverview } from "@/lib/dashboards/types";
import { awardOverviewFixture, programOverviewFixture } from "@/test/pdf-fixtures";
import { PdfWorker } from "./pool";
import { renderProgramReport } from "./render";
import { readPdf } from "@/test/pdf-reader";

const worker = new PdfWorker();
afterAll(() => worker.close());

describe("the PDF worker", () => {
  it("renders the program and award reports as rendering in place does", async () => {
    const overview = programOverviewFixture();
    const [inWorker, inPlace] = await Promise.all([worker.render({ kind: "program", overview }, "es"), renderProgramReport(overview, "es")]);
    expect(readPdf(inWorker).text).toBe(readPdf(inPlace).text);
    const award = readPdf(await worker.render({ kind: "award", overview: awardOverviewFixture() }, "en"));
    expect(award.text).toContain(awardOverviewFixture().award.reference);
    expect(award.text).toMatch(/Page 1 of \d+/);
  });

  it("answers several reports sent at once, each with its own document", async () => {
    const overview = programOverviewFixture();
    const locales = ["en", "es", "en", "es"] as const;
    const pdfs = await Promise.all(locales.map((locale) => worker.render({ kind: "program", overview }, locale)));
    pdfs.forEach((pdf, i) => expect(readPdf(pdf).text).toContain(locales[i] === "es" ? overview.program.nameEs : overview.program.nameEn));
  });

  it("reports a document that cannot be rendered as an error, and renders the next one", async () => {
    const broken = { ...programOverviewFixture(), awards: null } as unknown as ProgramOverview;
    await expect(worker.render({ kind: "program", overview: broken }, "en")).rejects.toThrow(/PDF render failed/);
    expect(readPdf(await worker.render({ kind: "program", overview: programOverviewFixture() }, "en")).pages).toBeGreaterThan(0);
  });

  it("gives up on a render past its time instead of hanging, then starts afresh", async () => {
    const impatient = new PdfWorker({ timeoutMs: 1 });
    await expect(impatient.render({ kind: "program", overview: programOverviewFixture() }, "en")).rejects.toThrow(/gave up after 1 ms/);
    await impatient.close();
    const patient = new PdfWorker();
    expect(readPdf(await patient.render({ kind: "award", overview: awardOverviewFixture() }, "es")).text).toContain("Página 1 de");
    await patient.close();
  });
});
