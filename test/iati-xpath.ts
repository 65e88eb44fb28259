// Helpers for the IATI tests: read values back out of a generated file with xmllint's XPath, and list
// the order of child elements, so tests check what a consumer of the file would read.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { IATI_SCHEMA_PATH } from "@/lib/iati/validate";

/** The result of an XPath expression (use string(), count() or sum() so an empty match is not an error). */
export function xpath(xml: string, expression: string): string {
  const run = spawnSync("xmllint", ["--nonet", "--xpath", expression, "-"], { input: xml, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`xmllint --xpath ${expression} failed: ${run.stderr}`);
  return run.stdout.replace(/\n$/, "");
}

/** For each element named `parent`, the names of its direct children in document order. */
export function childNames(xml: string, parent: string): string[][] {
  const out: string[][] = [];
  const stack: string[] = [];
  let current: string[] | null = null;
  let parentDepth = -1;
  for (const m of xml.matchAll(/<(\/?)([A-Za-z][\w.:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (closing) {
      stack.pop();
      if (name === parent && stack.length === parentDepth) {
        current = null;
        parentDepth = -1;
      }
      continue;
    }
    if (current && stack.length === parentDepth + 1) current.push(name);
    if (name === parent && !current) {
      current = [];
      out.push(current);
      parentDepth = stack.length;
    }
    if (!selfClosing) stack.push(name);
  }
  return out;
}

/** The children of iati-activity in the order the schema's sequence demands. */
export function schemaActivityOrder(): string[] {
  const xsd = readFileSync(IATI_SCHEMA_PATH, "utf8");
  const start = xsd.indexOf('<xsd:element name="iati-activity">');
  const end = xsd.indexOf("</xsd:sequence>\n      <xsd:attribute name=\"last-updated-datetime\"", start);
  if (start < 0 || end < 0) throw new Error("iati-activity sequence not found in the schema");
  const names = [...xsd.slice(start + 1, end).matchAll(/<xsd:element (?:ref|name)="([\w-]+)"/g)].map((m) => m[1]);
  return names.filter((n) => n !== "narrative");
}
