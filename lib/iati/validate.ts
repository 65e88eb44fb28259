// Schema validation of an IATI file with xmllint (libxml2-utils) against the project's copy of the
// official 2.03 schema. Used by the tests and by hand; the portal never shells out while serving.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const IATI_SCHEMA_PATH = fileURLToPath(new URL("./schema/iati-activities-schema.xsd", import.meta.url));

export interface IatiValidation {
  valid: boolean;
  /** What xmllint printed (errors with line numbers, or "- validates"). */
  output: string;
}

/**
 * Validates the XML against the IATI activities schema. Valid only when xmllint exits 0 AND says
 * "validates"; a missing xmllint throws rather than passing silently. Tests and tools only.
 */
export function validateIatiXml(xml: string): IatiValidation {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", IATI_SCHEMA_PATH, "-"], {
    input: xml,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
  return { valid: run.status === 0 && /^- validates$/m.test(output), output };
}
