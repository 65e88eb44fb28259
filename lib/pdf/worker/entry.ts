// The PDF worker thread: renders the report documents it is sent, one message per report. It sees no
// database and no session: the server thread checks who may see what, builds the donor-safe overview
// (lib/dashboards/queries.ts) and sends only that.
import { parentPort } from "node:worker_threads";
import type { PdfJob, PdfResult } from "../pool";
import { renderAwardReport, renderProgramReport } from "../render";

if (!parentPort) throw new Error("lib/pdf/worker/entry.ts runs as a worker thread only");
const port = parentPort;

port.on("message", async (job: PdfJob) => {
  try {
    const rendered = job.kind === "program" ? await renderProgramReport(job.overview, job.locale) : await renderAwardReport(job.overview, job.locale);
    // A copy that owns its memory, so it can be transferred instead of cloned.
    const pdf = new Uint8Array(rendered);
    port.postMessage({ id: job.id, pdf } satisfies PdfResult, [pdf.buffer]);
  } catch (error) {
    port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies PdfResult);
  }
});
