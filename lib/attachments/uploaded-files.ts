import { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { ATTACHMENT_LIMITS, checkUpload, displayFilename, type DetectedFileType } from "./detect";

// The files of an upload, shared by every upload with these rules (request attachments, deliverable evidence).

export interface UploadedFile {
  /** The name the browser sent: only a suggestion, cleaned before it is stored. */
  name: string;
  bytes: Uint8Array;
}

const MAX_MB = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);

function isUploadedFile(value: unknown): value is UploadedFile {
  if (value === null || typeof value !== "object") return false;
  const file = value as Record<string, unknown>;
  return typeof file.name === "string" && file.bytes instanceof Uint8Array;
}

/** The files of an upload as the route read them (name and bytes each); anything else is unreadable. */
export const uploadedFiles = () =>
  z.array(z.custom<UploadedFile>(isUploadedFile, { error: "attachments.errors.unreadable" }), { error: "attachments.errors.unreadable" });

/**
 * Checks every file under the shared upload rules and throws one ValidationError naming each bad
 * file, so that either all files are stored or none is. Reused for any upload with these rules.
 */
export function checkUploads(files: readonly UploadedFile[]): (UploadedFile & { type: DetectedFileType })[] {
  if (files.length === 0) throw new ValidationError({}, { key: "attachments.errors.noFiles" });
  const fieldErrors: FieldErrors = {};
  const checked: (UploadedFile & { type: DetectedFileType })[] = [];
  files.forEach((file, index) => {
    const verdict = checkUpload(file.bytes);
    if (verdict.ok) checked.push({ ...file, type: verdict.type });
    else {
      fieldErrors[`files.${index}`] = {
        key: `attachments.errors.${verdict.problem}`,
        params: { name: displayFilename(file.name), maxMb: MAX_MB },
      };
    }
  });
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors, { key: "attachments.errors.rejected" });
  return checked;
}

