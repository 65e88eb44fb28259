// PDF reports are rendered on a worker thread: laying out a 100-award report takes 0.6-0.9 s of CPU
// (text shaping, layout), which on the server's own thread would stall every other request for as long.
// The route handlers keep the session and the visibility checks; they send the worker the donor-safe
// overview only and get the PDF bytes back. PDF_WORKER=off renders on the calling thread instead.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { AwardOverview, ProgramOverview, ProgramReport } from "@/lib/dashboards/types";
import type { Locale } from "@/lib/i18n/config";
import { getEnv } from "@/lib/config/env";

/** A program report (getProgramReport's, or a whole overview cut the same way) or an award report. */
export type PdfReport = { kind: "program"; overview: ProgramReport | ProgramOverview } | { kind: "award"; overview: AwardOverview };
export type PdfJob = PdfReport & { id: number; locale: Locale };
export type PdfResult = { id: number; pdf: Uint8Array } | { id: number; error: string };

/** A render that takes longer than this is given up (the worker is stopped and started afresh). */
const DEFAULT_TIMEOUT_MS = 60_000;

interface Pending {
  resolve: (pdf: Uint8Array) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * One worker thread that renders reports in the order they come. It starts on the first report (2-3 s:
 * it compiles the report code; the server warms it at start), stays for the next ones, and is replaced
 * after a crash or a timeout; the reports waiting on a lost worker fail with an error, never hang.
 */
export class PdfWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: { root?: string; timeoutMs?: number } = {}) {}

  render(report: PdfReport, locale: Locale): Promise<Uint8Array> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error(`PDF render gave up after ${timeoutMs} ms`)), timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      // While a report is waiting, the worker keeps the process alive; idle, it does not.
      worker.ref();
      worker.postMessage({ ...report, id, locale } satisfies PdfJob);
    });
  }

  /** Starts the thread now (it loads and compiles the report code) rather than on the first report. */
  warm(): void {
    if (!this.worker) this.start();
  }

  /** Stops the worker; reports still waiting fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.fail(new Error("PDF worker closed"));
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    // Resolved from the repository at run time (the bundled server moves modules; the repository stays
    // the working directory), like the fonts.
    const root = this.options.root ?? process.cwd();
    // Not for the bundler (a URL it cannot resolve at build time): the worker runs from the repository's
    // sources (see boot.mjs).
    const dir = new URL("lib/pdf/worker/", pathToFileURL(`${root}${path.sep}`));
    const worker = new Worker(/* turbopackIgnore: true */ new URL("boot.mjs", dir), {
      // Layout allocates a great many short-lived objects: a larger young generation (64 MB semi-spaces,
      // 16 MB by default) means fewer scavenges. An A/B of two workers on the 100-award fixture, 14
      // alternating renders each: median 562 vs 597 ms and 667 vs 681 ms (2-6% faster).
      resourceLimits: { maxYoungGenerationSizeMb: 192 },
      workerData: { entry: new URL("entry.ts", dir).href, tsconfig: path.join(root, "tsconfig.json") },
    });
    worker.unref();
    worker.on("message", (message: PdfResult) => {
      const job = this.pending.get(message.id);
      if (!job) return;
      this.pending.delete(message.id);
      clearTimeout(job.timer);
      if (this.pending.size === 0) worker.unref();
      if ("pdf" in message) job.resolve(message.pdf);
      else job.reject(new Error(`PDF render failed: ${message.error}`));
    });
    worker.on("error", (error) => {
      if (this.worker === worker) this.fail(error);
    });
    worker.on("exit", (code) => {
      if (this.worker === worker) this.fail(new Error(`PDF worker stopped (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  /** Fails every waiting report and drops the worker; the next report starts a new one. */
  private fail(error: Error): void {
    const worker = this.worker;
    this.worker = null;
    for (const [id, job] of this.pending) {
      clearTimeout(job.timer);
      job.reject(error);
      this.pending.delete(id);
    }
    if (worker) void worker.terminate();
  }
}

const shared = globalThis as unknown as { __pdfWorker?: PdfWorker };

/** The report as PDF bytes, rendered on the process's PDF worker (or here with PDF_WORKER=off). */
export async function renderReport(report: PdfReport, locale: Locale): Promise<Uint8Array> {
  if (getEnv().PDF_WORKER === "off") {
    const { renderAwardReport, renderProgramReport } = await import("./render");
    return report.kind === "program" ? renderProgramReport(report.overview, locale) : renderAwardReport(report.overview, locale);
  }
  shared.__pdfWorker ??= new PdfWorker();
  return shared.__pdfWorker.render(report, locale);
}

/** Starts the process's PDF worker ahead of the first report (instrumentation.ts, at server start). */
export function warmPdfWorker(): void {
  if (getEnv().PDF_WORKER === "off") return;
  shared.__pdfWorker ??= new PdfWorker();
  shared.__pdfWorker.warm();
}
