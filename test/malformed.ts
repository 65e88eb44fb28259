// Generates malformed variants of a valid input from the zod schema that parses it, and checks what a
// refusal must look like: a known domain error, messages that exist in English and Spanish, and (see
// the integration test) the database as it was.
import type { z } from "zod";
import { sql } from "drizzle-orm";
import { execRows, setDbHandle, type Db, type DbOrTx } from "@/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { MessageTree } from "@/lib/i18n/define";
import { catalogs } from "@/lib/i18n/messages";
import { createTranslator, type MessageKey, type MessageParams } from "@/lib/i18n/translate";
import type { TestDb } from "./db";

/** Whether a generated input must be refused, or may be accepted (the schema says it is valid). */
export type Expectation = "refuse" | "either";

export interface Case {
  label: string;
  input: unknown;
  /** "refuse" when the value is clearly malformed, whatever the schema says. */
  clearlyMalformed: boolean;
}

const MISSING = Symbol("missing");
type Path = (string | number)[];

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
}

const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/**
 * The schema's structure under its wrappers: preprocess (a pipe from a transform), transform (a pipe
 * into one), optional, default, nullable, catch and refinements (zod 4 keeps those on the schema).
 */
export function structureOf(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (def.type === "pipe") s = defOf(def.in!).type === "transform" ? def.out! : def.in!;
    else if (["optional", "default", "prefault", "nullable", "catch", "readonly", "nonoptional"].includes(def.type)) s = def.innerType!;
    else return s;
  }
  return s;
}

export interface FieldInfo {
  path: Path;
  kind: "object" | "array" | "scalar";
}

/** Every field the schema declares, nested objects and the first element of arrays included. */
export function fieldsOf(schema: z.ZodType, path: Path = []): FieldInfo[] {
  const s = structureOf(schema);
  const def = defOf(s);
  if (def.type === "object") {
    const out: FieldInfo[] = path.length ? [{ path, kind: "object" }] : [];
    for (const [key, field] of Object.entries(def.shape!)) out.push(...fieldsOf(field, [...path, key]));
    return out;
  }
  if (def.type === "array") {
    return [...(path.length ? [{ path, kind: "array" as const }] : []), ...fieldsOf(def.element!, [...path, 0])];
  }
  return path.length ? [{ path, kind: "scalar" }] : [];
}

function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** A deep copy of `value` with the value at `path` replaced (or removed, for MISSING). */
function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const container: Record<string | number, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : value && typeof value === "object"
      ? { ...(value as Record<string, unknown>) }
      : typeof head === "number"
        ? []
        : {};
  const next = setAt((container as Record<string | number, unknown>)[head], rest, replacement);
  if (next === MISSING) {
    if (Array.isArray(container)) container.splice(head as number, 1);
    else delete (container as Record<string, unknown>)[head];
  } else (container as Record<string | number, unknown>)[head] = next;
  return container;
}

const LONG = "x".repeat(20_000);
const asText = (v: unknown) => (typeof v === "string" ? v : "a");

/** Date fields are named "...On" (calendar days) or "...At" (instants). */
const isDateField = (path: Path) => /On$/.test(String(path[path.length - 1]));
const isInstantField = (path: Path) => /At$/.test(String(path[path.length - 1]));

type Variant = [label: string, value: unknown, clearlyMalformed: boolean];

function scalarVariants(path: Path, base: unknown): Variant[] {
  const date = isDateField(path);
  const instant = isInstantField(path);
  const variants: Variant[] = [
    ["wrong type (object)", { unexpected: true }, true],
    ["wrong type (array)", [base ?? "x"], true],
    ["wrong type (boolean)", true, false],
    ["missing", MISSING, false],
    ["null", null, false],
    ["0", 0, false],
    ["-1", -1, false],
    ["1e15", 1e15, true],
    ["NaN", Number.NaN, true],
    ["Infinity", Number.POSITIVE_INFINITY, true],
    ["-Infinity", Number.NEGATIVE_INFINITY, true],
    ['"0"', "0", false],
    ['"-1"', "-1", false],
    ['"1e15"', "1e15", false],
    ['"NaN"', "NaN", false],
    ["empty string", "", false],
    ["only spaces", "   ", false],
    ["20,000 characters", LONG, true],
    ["NUL", `${asText(base)}\u0000`, true],
    ["lone high surrogate", `${asText(base)}\uD800`, true],
    ["lone low surrogate", `\uDC00${asText(base)}`, true],
    ["right-to-left override", `\u202E${asText(base)}`, true],
    ["2025-02-30", "2025-02-30", date],
  ];
  if (date) {
    variants.push(["0000-00-00", "0000-00-00", true], ["2025-13-01", "2025-13-01", true], ["0000-01-01", "0000-01-01", true], ["99999-01-01", "99999-01-01", true]);
  }
  if (instant) {
    variants.push(
      ["2025-02-30T00:00:00Z", "2025-02-30T00:00:00Z", true],
      ["0000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", true],
      ["0001-01-01T00:30:00+01:00", "0001-01-01T00:30:00+01:00", true],
      ["9999-12-31T23:59:59-12:00", "9999-12-31T23:59:59-12:00", true],
    );
  }
  return variants;
}

function objectVariants(base: unknown): Variant[] {
  return [
    ["wrong type (text)", "text", true],
    ["wrong type (array)", [], true],
    ["missing", MISSING, false],
    ["null", null, false],
    ["extra unknown field", { ...(base && typeof base === "object" ? base : {}), unexpectedField: "x" }, true],
    ["__proto__ key", JSON.parse(`{"__proto__": {"polluted": true}}`), false],
  ];
}

function arrayVariants(base: unknown): Variant[] {
  const first = Array.isArray(base) && base.length > 0 ? base[0] : "x";
  return [
    ["wrong type (text)", "text", true],
    ["wrong type (object)", { 0: first }, true],
    ["missing", MISSING, false],
    ["null", null, false],
    ["empty", [], false],
    ["1,000 items", Array.from({ length: 1000 }, () => first), false],
  ];
}

/** The whole input replaced by something that is not a form's values at all. */
export function wholeInputCases(rootIsArray: boolean): Case[] {
  return [
    { label: "input: undefined", input: undefined, clearlyMalformed: true },
    { label: "input: null", input: null, clearlyMalformed: true },
    { label: "input: a string", input: "values", clearlyMalformed: true },
    { label: "input: a number", input: 42, clearlyMalformed: true },
    rootIsArray ? { label: "input: an object", input: {}, clearlyMalformed: true } : { label: "input: an array", input: [], clearlyMalformed: true },
  ];
}

/** The generated cases for one valid input: each field in turn malformed, the rest left valid. */
export function casesFor(schema: z.ZodType, valid: unknown): Case[] {
  const root = structureOf(schema);
  const rootIsArray = defOf(root).type === "array";
  const cases: Case[] = [...wholeInputCases(rootIsArray)];
  if (!rootIsArray && valid && typeof valid === "object") {
    cases.push({ label: "extra unknown field", input: { ...(valid as object), unexpectedField: "x" }, clearlyMalformed: true });
  }
  for (const field of fieldsOf(schema)) {
    const base = getAt(valid, field.path);
    const variants = field.kind === "object" ? objectVariants(base) : field.kind === "array" ? arrayVariants(base) : scalarVariants(field.path, base);
    for (const [label, value, clearlyMalformed] of variants) {
      cases.push({ label: `${field.path.join(".")}: ${label}`, input: setAt(valid, field.path, value), clearlyMalformed });
    }
  }
  return cases;
}

/** The values a positional argument (an id, a version, a period number) is tried with. */
export function argumentVariants(kind: "id" | "version" | "number" | "locale", valid: unknown): Case[] {
  const common: Variant[] = [
    ["undefined", undefined, true],
    ["null", null, true],
    ["wrong type (object)", {}, true],
    ["wrong type (array)", [valid], true],
    ["20,000 characters", LONG, true],
    ["NUL", "\u0000", true],
  ];
  const text = String(valid);
  const byKind: Record<typeof kind, Variant[]> = {
    id: [
      ["a number", 42, true],
      ["empty string", "", true],
      ["not a uuid", "not-a-uuid", true],
      ["36 dashes", "-".repeat(36), true],
      ["unknown uuid", crypto.randomUUID(), true],
      ["nil uuid", "00000000-0000-0000-0000-000000000000", true],
      ["uuid with NUL", `${text}\u0000`, true],
      ["uuid with lone surrogate", `${text}\uD800`, true],
      ["uuid with right-to-left override", `\u202E${text}`, true],
      ["uuid with a space", ` ${text}`, true],
      ["upper case", text.toUpperCase(), false],
    ],
    version: [
      ["0", 0, true],
      ["-1", -1, true],
      ["1.5", 1.5, true],
      ["1e15", 1e15, true],
      ["NaN", Number.NaN, true],
      ["Infinity", Number.POSITIVE_INFINITY, true],
      ["2^31", 2 ** 31, true],
      ["stale", typeof valid === "number" ? valid + 1 : 2, true],
      ["as text", text, false],
      ["garbage text", "abc", true],
    ],
    number: [
      ["0", 0, true],
      ["-1", -1, true],
      ["1.5", 1.5, true],
      ["1e15", 1e15, true],
      ["NaN", Number.NaN, true],
      ["Infinity", Number.POSITIVE_INFINITY, true],
      ["2^31", 2 ** 31, true],
      ["as text", text, false],
      ["garbage text", "abc", true],
    ],
    locale: [
      ["unknown locale", "fr", true],
      ["empty string", "", true],
      ["a number", 42, true],
      ["locale with NUL", `${text}\u0000`, true],
      ["upper case", text.toUpperCase(), true],
    ],
  };
  return [...common, ...byKind[kind]].map(([label, input, clearlyMalformed]) => ({ label, input, clearlyMalformed }));
}

/** The expected result of a case: a clearly malformed value must be refused; else the schema decides. */
export function expectationOf(c: Case, accepts: (input: unknown) => boolean): Expectation {
  if (c.clearlyMalformed) return "refuse";
  return accepts(c.input) ? "either" : "refuse";
}

export function isKnownRefusal(error: unknown): error is ValidationError | ConflictError | NotFoundError {
  return error instanceof ValidationError || error instanceof ConflictError || error instanceof NotFoundError;
}

function leaf(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** The message keys a refusal carries (a not-found has none: it is the translated 404 page). */
export function messagesOf(error: ValidationError | ConflictError | NotFoundError): { key: string; params?: MessageParams }[] {
  if (error instanceof ValidationError) return [...Object.values(error.fieldErrors), ...(error.formError ? [error.formError] : [])];
  if (error instanceof ConflictError) return [{ key: error.messageKey }];
  return [];
}

/** What is wrong with a refusal's messages: each must exist in English and Spanish and read as text. */
export function messageProblems(error: ValidationError | ConflictError | NotFoundError): string[] {
  const problems: string[] = [];
  if (error instanceof ValidationError && Object.keys(error.fieldErrors).length === 0 && !error.formError) {
    problems.push("a ValidationError with no message at all");
  }
  for (const { key, params } of messagesOf(error)) {
    for (const locale of ["en", "es"] as const) {
      const template = leaf(catalogs[locale] as unknown as MessageTree, key);
      if (template === undefined || template.trim() === "") {
        problems.push(`"${key}" is missing from the ${locale} messages`);
        continue;
      }
      const text = createTranslator(locale)(key as MessageKey, params);
      if (text === key) problems.push(`"${key}" translates to itself in ${locale}`);
      if (/\{\w+\}/.test(text)) problems.push(`"${key}" leaves a placeholder unfilled in ${locale}: ${text}`);
    }
  }
  return problems;
}

/** A fingerprint of every application table: its row count and an order-independent hash of its rows. */
export async function databaseFingerprint(db: DbOrTx, except: readonly string[] = []): Promise<Record<string, string>> {
  const tables = await execRows<{ name: string }>(
    db,
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts = tables
    .map((t) => t.name)
    .filter((name) => !except.includes(name))
    .map(
      (name) =>
        `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(sum(('x' || left(md5(t::text), 15))::bit(60)::bigint), 0)::text AS print FROM "${name}" t`,
    );
  const rows = await execRows<{ name: string; print: string }>(db, sql.raw(parts.join(" UNION ALL ")));
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

/** The tables whose fingerprints differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).sort();
}

class RolledBack extends Error {}

/**
 * Runs `fn` inside a transaction that is always rolled back, with the process-wide database handle
 * pointing at that transaction: the mutations' own transactions become savepoints in it, so a case
 * that is (legitimately) accepted leaves nothing behind for the next one.
 */
export async function inRolledBackTransaction<T>(db: TestDb, fn: (tx: Db) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.db.transaction(async (tx) => {
      const handle = tx as unknown as Db;
      setDbHandle({ db: handle, kind: db.kind, close: async () => {} });
      try {
        result = await fn(handle);
      } finally {
        setDbHandle(db);
      }
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return result as T;
}

/** Whether the current transaction has written (or locked) anything: no transaction id means no write. */
export async function hasWritten(tx: DbOrTx): Promise<boolean> {
  const [row] = await execRows<{ xid: string | null }>(tx, sql`SELECT txid_current_if_assigned()::text AS xid`);
  return row.xid !== null;
}

/** A short description of an unexpected error, with PostgreSQL's code when it has one. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `${typeof error}: ${String(error)}`;
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  const cause = (error as { cause?: Error }).cause;
  return `${error.name}${code ? ` [${code}]` : ""}: ${(cause?.message ?? error.message).slice(0, 160)}`;
}

export { MISSING };

function leaves(tree: MessageTree, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const p = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(p, value);
    else leaves(value, p, out);
  }
  return out;
}

/** Texts of the other language that this one says differently: shown to this language's reader, a slip. */
function foreignTexts(locale: "en" | "es"): Set<string> {
  const own = leaves(catalogs[locale] as unknown as MessageTree);
  const other = leaves(catalogs[locale === "en" ? "es" : "en"] as unknown as MessageTree);
  return new Set([...other].filter(([key, text]) => own.get(key) !== text).map(([, text]) => text));
}

const FOREIGN = { en: foreignTexts("en"), es: foreignTexts("es") };
const KEY_SHAPE = /^[a-zA-Z]+(\.[a-zA-Z_]+)+$/;

/** What is wrong with what an action returned for a refusal: a result with messages a person reads, in `locale`. */
export function actionResultProblems(value: unknown, locale: "en" | "es"): string[] {
  if (!value || typeof value !== "object" || (value as { ok?: unknown }).ok !== false) return [`answered ${JSON.stringify(value)?.slice(0, 120)}`];
  const { formError, fieldErrors } = value as { formError?: unknown; fieldErrors?: Record<string, unknown> };
  const texts = [formError, ...Object.values(fieldErrors ?? {})].filter((t) => t !== undefined);
  if (texts.length === 0) return ["a refusal with no message"];
  const problems: string[] = [];
  for (const text of texts) {
    if (typeof text !== "string" || text.trim() === "") problems.push(`a message that is not text: ${JSON.stringify(text)}`);
    else if (KEY_SHAPE.test(text)) problems.push(`an untranslated message key: ${text}`);
    else if (/\{\w+\}/.test(text)) problems.push(`a placeholder left unfilled: ${text}`);
    else if (FOREIGN[locale].has(text)) problems.push(`a message in the other language for a ${locale} reader: ${text}`);
  }
  return problems;
}

/** What a server action's thrown error means: Next.js turns redirect() and notFound() into a 303 and a 404. */
export function actionThrowKind(error: unknown): "redirect" | "notFound" | "error" {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return "redirect";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "notFound";
  return "error";
}
