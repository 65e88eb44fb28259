import { describe, expect, it } from "vitest";
import { isSafeText } from "@/lib/forms/safe-text";
import {
  bytesOf,
  concat,
  docx,
  docxEntries,
  exe,
  html,
  jpeg,
  makeZip,
  padded,
  pdf,
  png,
  svg,
  xlsx,
  xlsxEntries,
} from "@/test/attachment-files";
import {
  ATTACHMENT_LIMITS,
  checkUpload,
  contentDisposition,
  detectFileType,
  displayFilename,
  extensionForMime,
  formatFileSize,
  hasAcceptedExtension,
  safeFilename,
  zipEntryNames,
} from "./detect";
import { formatNumber } from "@/lib/i18n/format";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe("detectFileType: the accepted types, from their content", () => {
  it.each([
    ["a PDF", pdf, "application/pdf", "pdf"],
    ["a PNG", png, "image/png", "png"],
    ["a JPEG", jpeg, "image/jpeg", "jpg"],
    ["a DOCX (stored)", () => docx(), DOCX_MIME, "docx"],
    ["a DOCX (deflated)", () => docx({ deflate: true }), DOCX_MIME, "docx"],
    ["an XLSX (stored)", () => xlsx(), XLSX_MIME, "xlsx"],
    ["an XLSX (deflated)", () => xlsx({ deflate: true }), XLSX_MIME, "xlsx"],
  ] as const)("recognises %s", (_label, make, mime, ext) => {
    expect(detectFileType(make())).toEqual({ mime, ext });
  });

  it("recognises an Office file whose ZIP ends with a comment", () => {
    expect(detectFileType(makeZip(docxEntries(), { comment: "written by a test" }))?.ext).toBe("docx");
  });

  it("accepts part names in any case and order, as OPC does", () => {
    const entries = docxEntries().reverse().map((e) => ({ ...e, name: e.name.toUpperCase() }));
    expect(detectFileType(makeZip(entries))?.ext).toBe("docx");
  });

  it("works on a view into a larger buffer", () => {
    const inner = xlsx();
    const outer = concat(new Uint8Array(7), inner, new Uint8Array(5));
    expect(detectFileType(outer.subarray(7, 7 + inner.length))?.ext).toBe("xlsx");
  });
});

describe("detectFileType: everything else is refused", () => {
  it.each([
    ["an executable", exe()],
    ["HTML", html()],
    ["SVG (it can carry script)", svg()],
    ["plain text", bytesOf("just some notes")],
    ["empty input", new Uint8Array()],
    ["a truncated PDF signature", bytesOf("%PD")],
    ["a truncated PNG signature", png().subarray(0, 6)],
    ["a PNG signature without its header chunk", png().subarray(0, 8)],
    ["a truncated JPEG", new Uint8Array([0xff, 0xd8])],
    ["a PDF signature that is not at the start (polyglot)", bytesOf("<html>%PDF-1.4</html>")],
    ["a GIF", bytesOf("GIF89a\u0001\u0000\u0001\u0000")],
    ["a legacy Office (OLE) file", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
  ])("refuses %s", (_label, bytes) => {
    expect(detectFileType(bytes)).toBeNull();
  });

  it("refuses a plain ZIP archive", () => {
    expect(detectFileType(makeZip([{ name: "notes.txt", data: "hello" }]))).toBeNull();
  });

  it("refuses a ZIP with the Office part but no [Content_Types].xml", () => {
    const entries = docxEntries().filter((e) => e.name !== "[Content_Types].xml");
    expect(detectFileType(makeZip(entries))).toBeNull();
  });

  it("refuses a ZIP that claims to be both a document and a workbook", () => {
    expect(detectFileType(makeZip([...docxEntries(), ...xlsxEntries().slice(2)]))).toBeNull();
  });

  it("refuses macro-enabled documents", () => {
    expect(detectFileType(makeZip([...docxEntries(), { name: "word/vbaProject.bin", data: "code" }]))).toBeNull();
    expect(detectFileType(makeZip([...xlsxEntries(), { name: "xl/vbaProject.bin", data: "code" }]))).toBeNull();
  });

  it("trusts the central directory, not the local headers", () => {
    // The Office parts are present as local entries, but the archive's directory lists none of them.
    const entries = docxEntries().map((e) => ({ ...e, localOnly: true }));
    const zip = makeZip([...entries, { name: "payload.txt", data: "x" }]);
    expect(zip.subarray(0, 4)).toEqual(new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    expect(detectFileType(zip)).toBeNull();
  });

  it("refuses an Office file cut short (no end record) or with an inconsistent directory", () => {
    const whole = docx();
    expect(detectFileType(whole.subarray(0, whole.length - 10))).toBeNull();
    expect(detectFileType(whole.subarray(0, 30))).toBeNull();
    // Entry count larger than the directory can hold.
    const lying = whole.slice();
    const view = new DataView(lying.buffer);
    const eocd = lying.length - 22;
    view.setUint16(eocd + 8, 500, true);
    view.setUint16(eocd + 10, 500, true);
    expect(detectFileType(lying)).toBeNull();
    // Directory offset pointing past the end record.
    const pastEnd = whole.slice();
    new DataView(pastEnd.buffer).setUint32(eocd + 16, 0x7fffffff, true);
    expect(detectFileType(pastEnd)).toBeNull();
  });

  it("refuses a ZIP that does not start with a local header (e.g. an executable with an archive appended)", () => {
    expect(detectFileType(concat(exe(), docx()))).toBeNull();
  });

  it("lists the central directory's names", () => {
    expect(zipEntryNames(xlsx())).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
    expect(zipEntryNames(bytesOf("PK"))).toBeNull();
  });
});

describe("checkUpload and the limits", () => {
  it("allows 10 files of at most 10 MB each", () => {
    expect(ATTACHMENT_LIMITS).toEqual({ maxFiles: 10, maxBytes: 10 * 1024 * 1024 });
  });

  it("accepts a file of exactly the limit and refuses one byte more", () => {
    expect(checkUpload(padded(png(), ATTACHMENT_LIMITS.maxBytes))).toEqual({ ok: true, type: { mime: "image/png", ext: "png" } });
    expect(checkUpload(padded(png(), ATTACHMENT_LIMITS.maxBytes + 1))).toEqual({ ok: false, problem: "tooLarge" });
  });

  it("refuses empty and unknown files", () => {
    expect(checkUpload(new Uint8Array())).toEqual({ ok: false, problem: "empty" });
    expect(checkUpload(exe())).toEqual({ ok: false, problem: "wrongType" });
  });
});

describe("safeFilename", () => {
  it.each([
    ["Solicitud año 2026.pdf", "pdf", "Solicitud año 2026.pdf"],
    ["../../etc/passwd", "pdf", "passwd.pdf"],
    ["..\\..\\Windows\\system32\\evil.docx", "docx", "evil.docx"],
    ["C:\\Users\\ana\\Desktop\\plan.xlsx", "xlsx", "plan.xlsx"],
    ['quote"d \'name\'.pdf', "pdf", "quoted name.pdf"],
    ["line\r\nbreak.pdf", "pdf", "line break.pdf"],
    ["tabs\tand   spaces .png", "png", "tabs and spaces.png"],
    ["scan.pdf", "png", "scan.png"],
    ["invoice.exe", "pdf", "invoice.pdf"],
    ["photo.JPEG", "jpg", "photo.JPEG"],
    ["photo.jpeg", "png", "photo.png"],
    ["no extension", "docx", "no extension.docx"],
    ["Report v1.2", "pdf", "Report v1.2.pdf"],
    ["a<b>c:d|e?f*.pdf", "pdf", "abcdef.pdf"],
    ["report\u202Efdp.exe", "pdf", "report fdp.pdf"],
    ["..", "pdf", "attachment.pdf"],
    ["", "png", "attachment.png"],
    ["   ", "jpg", "attachment.jpg"],
    ["/", "pdf", "attachment.pdf"],
    ["\u0000\u0001.pdf", "pdf", "attachment.pdf"],
    [".hidden.pdf", "pdf", "hidden.pdf"],
    [".pdf", "pdf", "attachment.pdf"],
  ] as const)("%j as %s -> %j", (input, ext, expected) => {
    expect(safeFilename(input, ext)).toBe(expected);
  });

  it("limits names to 120 characters and keeps the extension", () => {
    const out = safeFilename(`${"x".repeat(300)}.pdf`, "pdf");
    expect(out).toHaveLength(120);
    expect(out.endsWith(".pdf")).toBe(true);
  });

  it("never splits a character when it shortens a name", () => {
    const out = safeFilename(`${"😀".repeat(100)}.png`, "png");
    expect(out.length).toBeLessThanOrEqual(120);
    expect(out).toMatch(/^(😀)+\.png$/u);
  });

  it("normalises to NFC, so the same name looks the same however it was typed", () => {
    expect(safeFilename("an\u0303o.pdf", "pdf")).toBe("año.pdf");
  });

  it("shows browser-sent names without paths or control characters", () => {
    expect(displayFilename("../../x/Informe\r\nfinal.exe")).toBe("Informe final.exe");
    expect(displayFilename("")).toBe("—");
  });
});

describe("contentDisposition", () => {
  it("always makes the browser download, with an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("Solicitud año 2026.pdf")).toBe(
      `attachment; filename="Solicitud ano 2026.pdf"; filename*=UTF-8''Solicitud%20a%C3%B1o%202026.pdf`,
    );
  });

  it("encodes the characters RFC 5987 does not allow bare", () => {
    expect(contentDisposition("a(1)*'b.pdf")).toContain("filename*=UTF-8''a%281%29%2A%27b.pdf");
  });

  it("keeps the header one line with no quote or backslash inside the fallback, whatever it is given", () => {
    const header = contentDisposition('evil"\\name\r\nSet-Cookie: x=1 100%.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    const fallback = /filename="([^"]*)"/.exec(header)?.[1];
    expect(fallback).toBeDefined();
    expect(fallback).not.toMatch(/["\\%]/);
    expect(header).toMatch(/filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });

  it("uses a generic fallback for names with no ASCII at all", () => {
    expect(contentDisposition("報告.pdf")).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E5%A0%B1%E5%91%8A.pdf`);
  });
});

describe("helpers for the form and the list", () => {
  it("maps a stored MIME type back to its type", () => {
    expect(extensionForMime("image/jpeg")).toBe("jpg");
    expect(extensionForMime(DOCX_MIME)).toBe("docx");
    expect(extensionForMime("text/html")).toBeNull();
  });

  it("pre-checks names in the browser by extension only", () => {
    expect(hasAcceptedExtension("plan.XLSX")).toBe(true);
    expect(hasAcceptedExtension("photo.jpeg")).toBe(true);
    expect(hasAcceptedExtension("setup.exe")).toBe(false);
    expect(hasAcceptedExtension("noext")).toBe(false);
  });

  it("formats sizes for people", () => {
    expect(formatFileSize(0, "en")).toBe("0 B");
    expect(formatFileSize(1536, "en")).toBe("1.5 KB");
    expect(formatFileSize(1536, "es")).toBe(`${formatNumber(1.5, "es")} KB`);
    expect(formatFileSize(10 * 1024 * 1024, "en")).toBe("10 MB");
  });
});

describe("file names PostgreSQL could not store", () => {
  it.each(["report\uD800.pdf", "report\uDC00.pdf", "\uD83Dreport.pdf", "re\u0000port\u202E.pdf"])("%j is stored as plain text", (name) => {
    const stored = safeFilename(name, "pdf");
    expect(isSafeText(stored)).toBe(true);
    expect(stored).toMatch(/^re ?port ?\.pdf$|^report\.pdf$/);
    expect(isSafeText(displayFilename(name))).toBe(true);
  });

  it("keeps a real surrogate pair (emoji) in a name", () => {
    expect(safeFilename("done \uD83D\uDE00.pdf", "pdf")).toBe("done \uD83D\uDE00.pdf");
  });
});
