import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { MessageTree } from "./define";
import { catalogs } from "./messages";

function leaves(tree: MessageTree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[path, value] as [string, string]] : leaves(value, path);
  });
}

/** The rows of docs/glossary-es.md: the Spanish term and the terms not to use, each in backticks. */
function glossary(): { spanish: string; avoid: string[] }[] {
  const text = readFileSync(new URL("../../docs/glossary-es.md", import.meta.url), "utf8");
  return text
    .split("\n")
    .filter((line) => line.startsWith("|") && line.includes("`"))
    .map((line) => {
      const cells = line.split("|").slice(1, -1);
      const terms = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      return { spanish: terms(cells[2])[0], avoid: terms(cells[3]) };
    });
}

/** The term as a whole word or phrase, any case: "techo" is not found in "arquitecho". */
const asWord = (term: string) => new RegExp(`(?<![\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "iu");

const english = leaves(catalogs.en);
const spanish = leaves(catalogs.es);

describe("the Spanish glossary", () => {
  const rows = glossary();

  it("is read from docs/glossary-es.md, one Spanish term per row", () => {
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) expect(row.spanish, JSON.stringify(row)).toBeTruthy();
  });

  it("names terms the Spanish catalog actually uses", () => {
    for (const { spanish: term } of rows) {
      expect(spanish.some(([, text]) => asWord(term).test(text)), term).toBe(true);
    }
  });

  it("is followed by the Spanish catalog: no message uses a term listed as not to use", () => {
    const found = rows.flatMap(({ spanish: term, avoid }) =>
      avoid.flatMap((bad) => spanish.filter(([, text]) => asWord(bad).test(text)).map(([key]) => `${key}: "${bad}" (use "${term}")`)),
    );
    expect(found).toEqual([]);
  });

  it("recognises a term not to use as a whole word, in any case", () => {
    expect(asWord("techo").test("El Techo del programa")).toBe(true);
    expect(asWord("techo").test("arquitecho")).toBe(false);
    expect(asWord("socio ejecutor").test("Socio ejecutor")).toBe(true);
  });
});

// "file(s)", "subvención(es)", "encontrada(s)", "Bienvenido/a", "administrador/a": a counted message has
// one form per plural category instead (lib/i18n/plural.ts), and a greeting a neutral form.
const pseudoPlural = /\p{L}\((?:s|es|a|as|os)\)|\p{L}\/(?:a|as|o|os|es)(?![\p{L}])/u;
// "{count} files" outside a plural form, or a count in brackets after a noun ("Productos atrasados (3)").
// "{count} of {max}", "{count} more" read the same for every number.
const gluedCount = /\{count\}\s+(?!(?:of|de|more|más)\b)\p{L}|\(\{count\}\)/u;
const pluralForm = /\.(?:zero|one|two|few|many|other)$/;

describe("counted messages", () => {
  it("never write a pseudo-plural, in either language", () => {
    const found = [...english, ...spanish].filter(([, text]) => pseudoPlural.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(found).toEqual([]);
  });

  it("put a count beside a noun only in a plural form", () => {
    const found = [...english, ...spanish]
      .filter(([key, text]) => !pluralForm.test(key) && gluedCount.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(found).toEqual([]);
  });

  it("always have an `other` form, the one plural() falls back to", () => {
    const bases = new Set(english.filter(([key]) => pluralForm.test(key)).map(([key]) => key.replace(pluralForm, "")));
    expect(bases.size).toBeGreaterThan(0);
    for (const base of bases) expect(english.some(([key]) => key === `${base}.other`), base).toBe(true);
  });

  it("catch the patterns they are written against", () => {
    for (const bad of ["{count} file(s) added.", "{count} subvención(es) encontrada(s).", "Bienvenido/a, {name}", "administrador/a del portal"]) {
      expect(pseudoPlural.test(bad), bad).toBe(true);
    }
    for (const fine of ["PDF/A", "and/or", "Word (DOCX)", "{count} of {max} files"]) expect(pseudoPlural.test(fine), fine).toBe(false);
    expect(gluedCount.test("Productos atrasados ({count})")).toBe(true);
    expect(gluedCount.test("Se agregaron {count} archivos.")).toBe(true);
    expect(gluedCount.test("{count} of {max} files")).toBe(false);
  });
});
