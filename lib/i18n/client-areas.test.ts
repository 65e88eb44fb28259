// Every page's client components receive every message area they use, and nothing server-only.
// The import graph is read from the sources: from each page (and each error, not-found and loading
// file, and each layout), the modules it reaches; among them the client modules ("use client") and
// everything they import; in those, every string literal or template-literal head "<area>.<name>"
// counts as a use of <area>. The areas a page receives are the base areas plus those named by the
// nearest <ClientMessages areas={[…]}> in the page or the layouts above it.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AREAS, BASE_AREAS, SERVER_ONLY_AREAS, clientMessages, type Area } from "./client-areas";
import { catalogs } from "./messages";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");
const CATALOG_DIR = path.join(ROOT, "lib/i18n/messages");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const sources = new Map<string, string>();
function source(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, "utf8");
    sources.set(file, text);
  }
  return text;
}

function directive(file: string): string | undefined {
  const first = source(file).trimStart().split("\n", 1)[0];
  return /^["'](use client|use server)["']/.exec(first)?.[1];
}

function resolve(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The project modules `file` imports at run time (type-only imports carry no code). */
function imports(file: string): string[] {
  const text = source(file);
  const found: string[] = [];
  const statement = /\b(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']/g;
  for (const match of text.matchAll(statement)) if (!match[2]) found.push(match[3]);
  for (const match of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(match[1]);
  return found.map((specifier) => resolve(file, specifier)).filter((target): target is string => target !== undefined);
}

const AREA_USE = new RegExp(`["'\`](${AREAS.join("|")})\\.[A-Za-z_$]`, "g");

/** The areas a module's literals name (imports and comments left out). */
function areasUsedIn(file: string): Set<Area> {
  if (file.startsWith(CATALOG_DIR + path.sep)) return new Set();
  const code = source(file)
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line) && !/^\s*(import|export)\s.*\bfrom\s/.test(line))
    .join("\n");
  return new Set([...code.matchAll(AREA_USE)].map((match) => match[1] as Area));
}

/** The modules on the client side of `entry`: its client modules and everything they import. */
function clientSide(entry: string): Set<string> {
  const seen = new Set<string>();
  const client = new Set<string>();
  const visit = (file: string, onClient: boolean) => {
    const isClient = onClient || directive(file) === "use client";
    if (isClient ? client.has(file) : seen.has(file)) return;
    seen.add(file);
    if (isClient) {
      // A server action imported by a client module reaches the browser as a reference only.
      if (onClient && directive(file) === "use server") return;
      client.add(file);
    }
    for (const target of imports(file)) visit(target, isClient);
  };
  visit(entry, false);
  return client;
}

/** The areas named by the nearest <ClientMessages areas={[…]}> at or above `entry`, and its file. */
function receivedAreas(entry: string): { areas: Set<Area>; from: string } | undefined {
  const chain: string[] = [entry];
  for (let dir = path.dirname(entry); dir.startsWith(APP); dir = path.dirname(dir)) {
    const layout = path.join(dir, "layout.tsx");
    if (layout !== entry && existsSync(layout)) chain.push(layout);
  }
  for (const file of chain) {
    const text = source(file);
    if (!/<ClientMessages\b/.test(text)) continue;
    const list = /<ClientMessages\b[^>]*\bareas=\{\[([^\]]*)\]\}/.exec(text)?.[1] ?? "";
    const named = [...list.matchAll(/["'](\w+)["']/g)].map((match) => match[1] as Area);
    return { areas: new Set<Area>([...BASE_AREAS, ...named]), from: file };
  }
  return undefined;
}

const ENTRY_FILES = new Set(["page.tsx", "error.tsx", "not-found.tsx", "loading.tsx", "layout.tsx"]);
const entries = walk(APP)
  .filter((file) => ENTRY_FILES.has(path.basename(file)))
  .map((file) => {
    const client = clientSide(file);
    const used = new Set<Area>([...client].flatMap((module) => [...areasUsedIn(module)]));
    const provider = receivedAreas(file);
    return { name: path.relative(ROOT, file), client, used, received: provider?.areas, from: provider?.from };
  });

describe("the messages each page sends to the browser", () => {
  it("reads a real graph: pages reach client modules that use areas beyond the base", () => {
    const page = entries.find((entry) => entry.name === path.join("app", "requests", "new", "page.tsx"));
    expect(page?.client.size).toBeGreaterThan(5);
    expect(page?.used.has("requests")).toBe(true);
    expect(entries.filter((entry) => entry.name.endsWith("page.tsx")).length).toBeGreaterThan(20);
  });

  it.each(entries.map((entry) => [entry.name, entry] as const))("%s: its client components receive every area they use", (_name, entry) => {
    expect(entry.received, "no <ClientMessages> at or above it").toBeDefined();
    const missing = [...entry.used].filter((area) => !entry.received?.has(area));
    expect(missing).toEqual([]);
  });

  it.each(entries.map((entry) => [entry.name, entry] as const))("%s: sends no server-only area", (_name, entry) => {
    const sent = [...(entry.received ?? [])].filter((area) => (SERVER_ONLY_AREAS as readonly Area[]).includes(area));
    expect(sent).toEqual([]);
  });

  it("names no area that none of the pages below a <ClientMessages> uses", () => {
    const providers = new Set(entries.map((entry) => entry.from).filter((from): from is string => from !== undefined));
    for (const from of providers) {
      const below = entries.filter((entry) => entry.from === from);
      const used = new Set<Area>([...BASE_AREAS, ...below.flatMap((entry) => [...entry.used])]);
      const unused = [...(below[0].received ?? [])].filter((area) => !used.has(area));
      expect(unused, path.relative(ROOT, from)).toEqual([]);
    }
  });

  it("no client module bundles the catalogs", () => {
    const index = path.join(CATALOG_DIR, "index.ts");
    const bundling = entries.filter((entry) => entry.client.has(index)).map((entry) => entry.name);
    expect(bundling).toEqual([]);
  });
});

describe("clientMessages", () => {
  it("gives one language's base areas plus the named ones, nothing else", () => {
    const messages = clientMessages("es", ["requests"]);
    expect(Object.keys(messages).sort()).toEqual([...BASE_AREAS, "requests"].sort());
    expect(messages.requests).toBe(catalogs.es.requests);
    expect(messages.common).toBe(catalogs.es.common);
  });
});
