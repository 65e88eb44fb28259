import { describe, expect, it } from "vitest";
import type { MessageTree } from "./define";
import { catalogs } from "./messages";
import { createTranslator, interpolate } from "./translate";

function leaves(tree: MessageTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** The markup of a rich-text message (rich.tsx), in order: ["<link>", "</link>"]. */
const tags = (s: string) => [...s.matchAll(/<\/?[a-zA-Z][\w-]*>/g)].map((m) => m[0]);

describe("message catalogs", () => {
  const en = leaves(catalogs.en);
  const es = leaves(catalogs.es);

  it("have exactly the same keys in English and Spanish", () => {
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it("have no empty strings", () => {
    for (const [key, value] of [...en, ...es]) expect(value.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, value] of en) expect(placeholders(es.get(key) ?? ""), key).toEqual(placeholders(value));
  });

  it("use the same tags in both languages, each closed", () => {
    for (const [key, value] of en) {
      expect(tags(es.get(key) ?? ""), key).toEqual(tags(value));
      const open: string[] = [];
      for (const tag of tags(value)) {
        if (tag.startsWith("</")) expect(open.pop(), key).toBe(tag.slice(2, -1));
        else open.push(tag.slice(1, -1));
      }
      expect(open, key).toEqual([]);
    }
  });
});

describe("translator", () => {
  it("translates by key and fills placeholders", () => {
    expect(createTranslator("es")("common.signedInAs", { name: "Ana" })).toBe("Sesión iniciada como Ana");
    expect(createTranslator("en")("common.signedInAs", { name: "Ana" })).toBe("Signed in as Ana");
  });

  it("leaves a missing parameter visible instead of dropping it", () => {
    expect(interpolate("Hello {name}", {})).toBe("Hello {name}");
  });
});
