// For tests only: reads a rendered PDF back with poppler (pdfinfo, pdftotext), as a viewer would.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface ReadPdf {
  pages: number;
  /** All text in reading order (a wrapped table cell stays whole), whitespace collapsed. */
  text: string;
  /** All text as laid out on the page (a table row on one line), whitespace collapsed. */
  layout: string;
  /** Page n (1-based) as laid out, whitespace collapsed. */
  page: (n: number) => string;
  /** pdfinfo's output (title, pages, ...). */
  info: string;
}

const flat = (s: string) => s.replace(/\s+/g, " ");

/** Fails (pdfinfo exits non-zero) unless the bytes are a well-formed PDF. */
export function readPdf(bytes: Uint8Array): ReadPdf {
  const dir = mkdtempSync(path.join(tmpdir(), "fap-pdf-"));
  try {
    const file = path.join(dir, "report.pdf");
    writeFileSync(file, bytes);
    const info = execFileSync("pdfinfo", [file]).toString();
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const text = flat(execFileSync("pdftotext", ["-raw", file, "-"]).toString());
    const layout = flat(execFileSync("pdftotext", ["-layout", file, "-"]).toString());
    const byPage = Array.from({ length: pages }, (_, i) => flat(execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), file, "-"]).toString()));
    return { pages, text, layout, page: (n) => byPage[n - 1] ?? "", info };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
