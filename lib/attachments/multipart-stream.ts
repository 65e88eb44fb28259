import "server-only";
import { Busboy } from "@fastify/busboy";
import { ATTACHMENT_LIMITS, checkUpload, mayBeAcceptedType } from "./detect";

// Reads a multipart upload as it arrives and stops at the first bad part: a file over the size limit,
// one file too many, a file whose first bytes no accepted type starts with, or a body over its limit
// whatever Content-Length claimed. Only files accepted so far are held; nothing of the rest is kept.
// (Web `Request.formData()` would hold the whole body before anyone could look at it.)

export type StreamProblem =
  | { problem: "bodyTooLarge" }
  | { problem: "unreadable" }
  | { problem: "tooLarge" | "wrongType"; index: number; name: string };

export type StreamedUpload = { ok: true; files: { name: string; bytes: Uint8Array }[] } | ({ ok: false } & StreamProblem);

/** What is left of a refused body is read and thrown away (up to this much) so the answer arrives whole. */
const DISCARD_BUDGET_BYTES = 8 * 1024 * 1024;

export async function readUploadStream(
  request: Request,
  limits: { maxBodyBytes: number; maxFiles?: number; maxFileBytes?: number; field?: string },
): Promise<StreamedUpload> {
  const maxFiles = limits.maxFiles ?? ATTACHMENT_LIMITS.maxFiles;
  const maxFileBytes = limits.maxFileBytes ?? ATTACHMENT_LIMITS.maxBytes;
  const field = limits.field ?? "files";
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body) return { ok: false, problem: "unreadable" };
  let parser: ReturnType<typeof Busboy>;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      // One more file than allowed is seen, so that it can be refused by name.
      limits: { files: maxFiles + 1, fileSize: maxFileBytes, fields: 20, fieldSize: 1024, parts: maxFiles + 21 },
    });
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  const files: { name: string; bytes: Uint8Array }[] = [];
  let verdict: StreamedUpload | null = null;
  const stop = (v: StreamedUpload) => {
    verdict ??= v;
  };
  let pending = 0;
  let index = 0;

  parser.on("file", (fieldName, stream, filename) => {
    if (verdict || fieldName !== field) {
      stream.resume();
      return;
    }
    const at = index++;
    const name = filename ?? "";
    if (at >= maxFiles) {
      stop({ ok: false, problem: "bodyTooLarge" });
      stream.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let headChecked = false;
    pending++;
    stream.on("data", (chunk: Buffer) => {
      if (verdict) return;
      chunks.push(chunk);
      size += chunk.length;
      if (!headChecked && size >= 4) {
        headChecked = true;
        if (!mayBeAcceptedType(Buffer.concat(chunks).subarray(0, 4))) stop({ ok: false, problem: "wrongType", index: at, name });
      }
    });
    stream.on("limit", () => stop({ ok: false, problem: "tooLarge", index: at, name }));
    stream.on("end", () => {
      pending--;
      if (verdict) return;
      const bytes = new Uint8Array(Buffer.concat(chunks));
      // Anything the first bytes could not tell (a ZIP that is not DOCX/XLSX) is judged whole by the mutation.
      const check = checkUpload(bytes);
      if (!check.ok && check.problem === "wrongType") stop({ ok: false, problem: "wrongType", index: at, name });
      else files[at] = { name, bytes };
    });
  });
  const finished = new Promise<void>((resolve) => {
    parser.on("finish", () => resolve());
    parser.on("error", () => {
      stop({ ok: false, problem: "unreadable" });
      resolve();
    });
  });

  const reader = request.body.getReader();
  let total = 0;
  try {
    for (;;) {
      if (verdict) break;
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBodyBytes) {
        stop({ ok: false, problem: "bodyTooLarge" });
        break;
      }
      if (!parser.write(value)) await new Promise<void>((r) => parser.once("drain", () => r()));
    }
  } catch {
    stop({ ok: false, problem: "unreadable" });
  }
  if (verdict) {
    parser.destroy();
    void discardRest(reader);
    return verdict;
  }
  parser.end();
  await finished;
  while (pending > 0 && !verdict) await new Promise((r) => setImmediate(r));
  return verdict ?? { ok: true, files: files.filter(Boolean) };
}

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let discarded = 0;
  try {
    while (discarded < DISCARD_BUDGET_BYTES) {
      const { done, value } = await reader.read();
      if (done) return;
      discarded += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // the client went away
  }
}
