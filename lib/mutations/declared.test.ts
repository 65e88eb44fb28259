// Every function a lib/**/mutations.ts module exports is a declared mutation (defineMutation): one
// permission from the table, one input schema, parsed once. A plain `export async function` there fails
// this test unless it is listed below with its reason.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth/policies";
import { defineMutation } from "./define";

const ROOT = path.resolve(import.meta.dirname, "../..");

// Every mutations.ts under lib/, as "/lib/<area>/mutations.ts".
const FILES = readdirSync(path.join(ROOT, "lib"), { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "mutations.ts")
  .map((file) => `/lib/${file.split(path.sep).join("/")}`)
  .sort();

const modules: Record<string, Record<string, unknown>> = {};
beforeAll(async () => {
  for (const file of FILES) modules[file] = (await import(path.join(ROOT, file))) as Record<string, unknown>;
});

/** Exports that are not form mutations, each with why. */
const NOT_MUTATIONS: Record<string, string> = {
  // The audit trail itself: the kit and the lookups write through these.
  "/lib/audit/mutations.ts:recordAudit": "writes an audit row inside the caller's transaction",
  "/lib/audit/mutations.ts:recordDenied": "audits a refusal, outside any mutation",
  "/lib/audit/mutations.ts:denied": "tags an error as an audited refusal",
  "/lib/audit/mutations.ts:auditingDenials": "the kit's wrapper that audits tagged refusals",
  "/lib/audit/mutations.ts:notVisible": "the visibility-checked lookups' not-found answer",
  // Sessions and sign-in (Auth.js and the demo sign-in), not forms of a signed-in user.
  "/lib/auth/mutations.ts:createDemoSession": "demo sign-in: makes a session before there is a user to check",
  "/lib/auth/mutations.ts:setOwnLocale": "the language switch, any user, no form input",
  "/lib/auth/mutations.ts:recordAuthEvent": "audits sign-in events for Auth.js",
  "/lib/auth/mutations.ts:resolveSession": "reads and extends the session of a request",
  "/lib/auth/mutations.ts:endSession": "sign-out",
  // Derived rows, not a form: the periods an award's calendar implies, for anyone who may see the award.
  "/lib/reporting/mutations.ts:ensureReportingCalendar": "creates the calendar's missing periods; no user input",
  // WebAuthn ceremonies: browser-driven steps for the session's own signer (see lib/passkeys/mutations.ts).
  "/lib/passkeys/mutations.ts:PasskeyDeniedError": "an error class",
  "/lib/passkeys/mutations.ts:startPasskeyRegistration": "passkey ceremony",
  "/lib/passkeys/mutations.ts:finishPasskeyRegistration": "passkey ceremony",
  "/lib/passkeys/mutations.ts:startPasskeyAuthentication": "passkey ceremony",
  "/lib/passkeys/mutations.ts:finishPasskeyAuthentication": "passkey ceremony",
};

/** Whether a value is what defineMutation returns, naming a permission that exists. */
function isDeclaredMutation(value: unknown): boolean {
  if (typeof value !== "function") return false;
  const declared = value as unknown as { permission?: unknown; input?: unknown; execute?: unknown };
  return (
    (PERMISSIONS as readonly unknown[]).includes(declared.permission) &&
    declared.input instanceof z.ZodType &&
    typeof declared.execute === "function"
  );
}

/** The exported functions (and classes) of a module that are not declared mutations. */
function undeclared(file: string): string[] {
  return Object.entries(modules[file])
    .filter(([, value]) => typeof value === "function" && !isDeclaredMutation(value))
    .map(([name]) => name);
}

describe("declared mutations", () => {
  it("finds the mutation modules", () => {
    for (const file of ["/lib/users/mutations.ts", "/lib/equipment/mutations.ts", "/lib/passkeys/mutations.ts"]) expect(FILES).toContain(file);
    expect(Object.keys(modules).sort()).toEqual(FILES);
  });

  it("tells a declared mutation from a plain function", () => {
    const declared = defineMutation({ permission: "users.manage", input: z.strictObject({}), run: async () => undefined });
    expect(isDeclaredMutation(declared)).toBe(true);
    expect(isDeclaredMutation(async () => undefined)).toBe(false);
    expect(isDeclaredMutation(Object.assign(async () => undefined, { permission: "users.everything", input: z.strictObject({}), execute: async () => undefined }))).toBe(false);
    expect(isDeclaredMutation(Object.assign(async () => undefined, { permission: "users.manage", input: {}, execute: async () => undefined }))).toBe(false);
  });

  for (const file of FILES) {
    it(`${file}: every exported function is a declared mutation or a listed exception`, () => {
      expect(undeclared(file).filter((name) => !(`${file}:${name}` in NOT_MUTATIONS))).toEqual([]);
    });
  }

  it("lists only exceptions that exist and are still not declared", () => {
    for (const key of Object.keys(NOT_MUTATIONS)) {
      const [file, name] = key.split(":");
      expect(modules[file], key).toBeDefined();
      expect(typeof modules[file][name], key).toBe("function");
      expect(isDeclaredMutation(modules[file][name]), key).toBe(false);
    }
  });
});
