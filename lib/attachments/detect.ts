// The upload rules shared by every file the portal accepts (request attachments now, award evidence
// later): what a file is, judged from its bytes; how big and how many; and how its name is made safe.
// Pure: no server imports, so the browser's pre-checks use the same limits.
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";

export type AttachmentExt = "pdf" | "docx" | "xlsx" | "png" | "jpg";

export interface DetectedFileType {
  mime: string;
  ext: AttachmentExt;
}

export const ATTACHMENT_LIMITS = {
  maxFiles: 10,
  maxBytes: 10 * 1024 * 1024,
} as const;

/** The largest multipart body an upload of `maxFiles` files may need (the files plus the form's framing). */
export const MAX_UPLOAD_BODY_BYTES = ATTACHMENT_LIMITS.maxFiles * ATTACHMENT_LIMITS.maxBytes + 1024 * 1024;

export const ATTACHMENT_MIME: Record<AttachmentExt, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  png: "image/png",
  jpg: "image/jpeg",
};

/** The extensions a file of each type may carry (the first is the one given when fixing a name). */
const EXTENSION_ALIASES: Record<AttachmentExt, readonly string[]> = {
  pdf: ["pdf"],
  docx: ["docx"],
  xlsx: ["xlsx"],
  png: ["png"],
  jpg: ["jpg", "jpeg"],
};

/** For `<input type="file" accept>`: a hint to the browser's picker, never a check. */
export const ATTACHMENT_ACCEPT = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg";

/** The type of a stored attachment from its (detected) MIME type, e.g. for a label; null when unknown. */
export function extensionForMime(mime: string): AttachmentExt | null {
  const found = (Object.keys(ATTACHMENT_MIME) as AttachmentExt[]).find((ext) => ATTACHMENT_MIME[ext] === mime);
  return found ?? null;
}

/** Whether a name ends in one of the accepted extensions: the browser's pre-check only. */
export function hasAcceptedExtension(name: string): boolean {
  const ext = extensionOf(name)?.toLowerCase();
  return !!ext && Object.values(EXTENSION_ALIASES).some((aliases) => aliases.includes(ext));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((b, i) => bytes[offset + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * What a file is, from its content alone: PDF, PNG, JPEG, or an Office Open XML document (DOCX or
 * XLSX) recognised by the part names in its ZIP central directory. Anything else is null: a renamed
 * executable, HTML or SVG (which would run script), a plain ZIP, a macro-enabled document, truncated input.
 */
export function detectFileType(bytes: Uint8Array): DetectedFileType | null {
  // The signatures must sit at offset 0: a file that merely contains one later is a polyglot.
  if (startsWith(bytes, ascii("%PDF-"))) return typed("pdf");
  // PNG: the signature, then the IHDR chunk that every PNG starts with.
  if (startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, ascii("IHDR"), 12)) return typed("png");
  // JPEG: start-of-image, then the first marker.
  if (startsWith(bytes, [0xff, 0xd8, 0xff]) && bytes.length >= 4) return typed("jpg");
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const ext = officeTypeOf(bytes);
    return ext ? typed(ext) : null;
  }
  return null;
}

function typed(ext: AttachmentExt): DetectedFileType {
  return { mime: ATTACHMENT_MIME[ext], ext };
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_ZIP_COMMENT = 0xffff;

/** DOCX or XLSX from the ZIP's central directory (the authoritative list of its parts), else null. */
function officeTypeOf(bytes: Uint8Array): "docx" | "xlsx" | null {
  const names = zipEntryNames(bytes);
  if (!names) return null;
  const parts = new Set(names.map((n) => n.replace(/^\/+/, "").toLowerCase()));
  if (!parts.has("[content_types].xml")) return null;
  // Macro-enabled documents (.docm, .xlsm) carry their code in vbaProject.bin: refused whatever the name.
  if ([...parts].some((n) => n.endsWith("vbaproject.bin"))) return null;
  const isDocx = parts.has("word/document.xml");
  const isXlsx = parts.has("xl/workbook.xml");
  if (isDocx === isXlsx) return null; // neither, or an ambiguous file claiming to be both
  return isDocx ? "docx" : "xlsx";
}

/**
 * The entry names listed in a ZIP's central directory, found from the end-of-central-directory record
 * (ZIP64 included); null when the structure is missing, inconsistent or truncated.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < EOCD_MIN) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The EOCD record is the last thing in the file, followed only by a comment of up to 64 KiB.
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - EOCD_MIN - MAX_ZIP_COMMENT);
  for (let i = bytes.length - EOCD_MIN; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE && i + EOCD_MIN + view.getUint16(i + 20, true) === bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let entryCount = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (entryCount === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) return null;
    const zip64 = Number(view.getBigUint64(locator + 8, true));
    if (!Number.isSafeInteger(zip64) || zip64 < 0 || zip64 + 56 > locator) return null;
    if (view.getUint32(zip64, true) !== ZIP64_EOCD_SIGNATURE) return null;
    entryCount = Number(view.getBigUint64(zip64 + 32, true));
    dirSize = Number(view.getBigUint64(zip64 + 40, true));
    dirOffset = Number(view.getBigUint64(zip64 + 48, true));
  }
  if (!Number.isSafeInteger(dirOffset) || !Number.isSafeInteger(dirSize) || dirOffset + dirSize > eocd) return null;
  // Each central header takes at least 46 bytes: a count the directory cannot hold is a lie.
  if (entryCount === 0 || entryCount * 46 > dirSize) return null;

  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  let p = dirOffset;
  const end = dirOffset + dirSize;
  for (let n = 0; n < entryCount; n++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL_HEADER_SIGNATURE) return null;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > end) return null;
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    p = next;
  }
  return names;
}

// Control characters (C0, DEL, C1) and the invisible bidirectional controls that can make
// "report\u202Efdp.exe" display as "reportexe.pdf".
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// A lone UTF-16 surrogate cannot be stored by PostgreSQL (not encodable as UTF-8): it would be a server error.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Characters that are separators, quoting or wildcards in some file system or in a header.
const RESERVED_CHARS = /["'`<>:|?*;\\/]/g;
export const MAX_FILENAME_LENGTH = 120;

/** The last path segment of a name as a browser or client sent it ("C:\\x\\a.pdf", "../../a.pdf" -> "a.pdf"). */
function basename(name: string): string {
  const parts = name.split(/[/\\]/);
  return parts[parts.length - 1] ?? "";
}

/** The extension of a name when it looks like one (1-5 letters or digits, at least one letter), else null. */
function extensionOf(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  if (!match || !/[A-Za-z]/.test(match[1])) return null;
  return match[1];
}

/** Cuts a string to at most `max` UTF-16 units without splitting a character. */
function truncate(value: string, max: number): string {
  let out = "";
  for (const ch of value) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** A name stripped of its path, invisible and reserved characters, with whitespace collapsed. */
function cleanName(name: string): string {
  return basename(String(name).normalize("NFC"))
    .replace(UNSAFE_CHARS, " ")
    .replace(LONE_SURROGATES, "")
    .replace(RESERVED_CHARS, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.\s]+$/, "");
}

/** No hidden files, no ".." left over. */
const withoutLeadingDots = (value: string) => value.replace(/^[.\s]+/, "");

/** A browser-sent name made fit to show in a message (no paths or control characters, bounded). */
export function displayFilename(name: string): string {
  return truncate(withoutLeadingDots(cleanName(name)), MAX_FILENAME_LENGTH) || "—";
}

/**
 * The name a file is stored and downloaded under: no path, control, quote or reserved characters,
 * whitespace collapsed, at most 120 characters, and an extension that matches the detected type
 * (a wrong or missing one is replaced). "attachment.<ext>" when nothing usable remains.
 */
export function safeFilename(name: string, ext: AttachmentExt): string {
  let base = cleanName(name);
  const current = extensionOf(base);
  if (current) base = base.slice(0, -(current.length + 1));
  base = withoutLeadingDots(base);
  // A matching extension keeps its spelling (".JPEG" stays), a wrong one gives way to the canonical one.
  const suffix = current && EXTENSION_ALIASES[ext].includes(current.toLowerCase()) ? current : ext;
  base = truncate(base, MAX_FILENAME_LENGTH - suffix.length - 1).replace(/[.\s]+$/, "");
  if (!base) return `attachment.${ext}`;
  return `${base}.${suffix}`;
}

/** RFC 5987 percent-encoding: everything but attr-char. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition header that makes the browser save the file (never show it inline) under
 * `filename`: a plain-ASCII fallback and the exact UTF-8 name (RFC 6266 and RFC 5987).
 */
export function contentDisposition(filename: string): string {
  const fallback =
    filename
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "") // "año" -> "ano"
      .replace(/[^\x20-\x7e]/g, "_")
      .replace(/["\\%]/g, "_")
      .trim() || "attachment";
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

/** A size in bytes for people, e.g. 1536 -> "1.5 KB", 10485760 -> "10 MB". */
export function formatFileSize(bytes: number, locale: Locale): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${formatNumber(value, locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}

export type UploadProblem = "empty" | "tooLarge" | "wrongType";

/** The verdict on one uploaded file under the shared rules: its detected type, or what is wrong with it. */
export function checkUpload(bytes: Uint8Array): { ok: true; type: DetectedFileType } | { ok: false; problem: UploadProblem } {
  if (bytes.byteLength === 0) return { ok: false, problem: "empty" };
  if (bytes.byteLength > ATTACHMENT_LIMITS.maxBytes) return { ok: false, problem: "tooLarge" };
  const type = detectFileType(bytes);
  return type ? { ok: true, type } : { ok: false, problem: "wrongType" };
}

/**
 * Whether a file's first four bytes begin any accepted type (PDF, PNG, JPEG, or a ZIP that may be DOCX or
 * XLSX): lets an upload stop at a file that can be nothing accepted, before the rest of it arrives.
 */
export function mayBeAcceptedType(head: Uint8Array): boolean {
  return (
    startsWith(head, ascii("%PDF")) ||
    startsWith(head, PNG_SIGNATURE.slice(0, 4)) ||
    startsWith(head, [0xff, 0xd8, 0xff]) ||
    startsWith(head, [0x50, 0x4b, 0x03, 0x04])
  );
}
