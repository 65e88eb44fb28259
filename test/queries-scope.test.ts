// Every exported query of lib/**/queries.ts answers for a viewer: its first parameter is the signed-in
// user (CurrentUser, or the part of it the query reads), so what it returns is what that user may see.
// Helpers that check nothing live in lib/**/unchecked.ts, take no user, and are never imported by a page
// or a component. The few exceptions are listed with their reason.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const filesNamed = (dir: string, test: (file: string) => boolean) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => test(file) && !file.includes(".test."))
    .map((file) => `${dir}/${file.split(path.sep).join("/")}`)
    .sort();

/** Exported functions (declarations, arrow constants and cache(...) wrappers) with their first parameter's text. */
function exportedFunctions(file: string): { name: string; first: string | null }[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
  const out: { name: string; first: string | null }[] = [];
  const firstOf = (fn: ts.SignatureDeclarationBase) => (fn.parameters[0] ? (fn.parameters[0].type?.getText(source) ?? fn.parameters[0].getText(source)) : null);
  for (const statement of source.statements) {
    if (!ts.canHaveModifiers(statement) || !ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) out.push({ name: statement.name.text, first: firstOf(statement) });
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        let init = d.initializer;
        if (init && ts.isCallExpression(init) && init.arguments[0]) init = init.arguments[0];
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) out.push({ name: d.name.getText(source), first: firstOf(init) });
      }
    }
  }
  return out;
}

const isViewer = (type: string | null) => type !== null && /^(CurrentUser|Pick<CurrentUser\b)/.test(type);

/** Exports of queries modules that take no viewer, each with why. */
const NO_VIEWER: Record<string, string> = {
  // The session itself: these run before there is a signed-in user to scope by.
  "lib/auth/queries.ts:loadActiveUser": "reads the user a session belongs to",
  "lib/auth/queries.ts:loadSessionWithUser": "resolves a session token",
  "lib/auth/queries.ts:countPasskeys": "the second-factor rule of sign-in",
  "lib/auth/queries.ts:findActiveUserByEmail": "the sign-in form's address lookup",
  "lib/auth/queries.ts:listDemoAccounts": "the demo sign-in page (demo mode only)",
  // The demo mailbox, only in demo and development (isMailboxEnabled guards every route).
  "lib/email/queries.ts:isMailboxEnabled": "a setting",
  "lib/email/queries.ts:listMailbox": "demo mailbox",
  "lib/email/queries.ts:getMailboxMail": "demo mailbox",
  "lib/email/queries.ts:extractLinks": "a pure function over a mail's HTML",
  "lib/health/queries.ts:isDatabaseHealthy": "the health check",
  // Reference data every signed-in role may read, and pure helpers.
  "lib/reporting/queries.ts:listIndicatorLibrary": "the indicator library (reference data)",
  "lib/reporting/queries.ts:reportIsOverdue": "a pure rule on a period",
  "lib/exports/queries.ts:isExportFile": "a pure check of a file name",
  "lib/matching/queries.ts:checkedRequestOf": "a pure projection of a request the caller already checked",
  "lib/programs/queries.ts:programSummaryColumns": "column lists for the checked queries",
  "lib/programs/queries.ts:programFundsColumns": "column lists for the checked queries",
  "lib/requests/queries.ts:changedFields": "a pure diff of two revisions",
  "lib/requests/queries.ts:requestsOpenToReviewer": "an SQL condition the checked queries compose",
  "lib/users/queries.ts:normalizeUserListFilters": "a pure parse of the list's filters",
};

const QUERIES = filesNamed("lib", (file) => path.basename(file) === "queries.ts");
const UNCHECKED = filesNamed("lib", (file) => path.basename(file) === "unchecked.ts");

describe("queries answer for a viewer", () => {
  it("finds the modules", () => {
    expect(QUERIES.length).toBeGreaterThan(15);
    expect(UNCHECKED).toEqual(expect.arrayContaining(["lib/reporting/unchecked.ts", "lib/requests/unchecked.ts"]));
  });

  it("reads a first parameter's type as a viewer or not", () => {
    expect(isViewer("CurrentUser")).toBe(true);
    expect(isViewer('Pick<CurrentUser, "id">')).toBe(true);
    expect(isViewer("DbOrTx")).toBe(false);
    expect(isViewer(null)).toBe(false);
  });

  for (const file of QUERIES) {
    it(`${file}: every exported function takes the viewer first, or is a listed exception`, () => {
      const unscoped = exportedFunctions(file).filter((f) => !isViewer(f.first) && !(`${file}:${f.name}` in NO_VIEWER));
      expect(unscoped.map((f) => `${f.name}(${f.first ?? ""})`)).toEqual([]);
    });
  }

  for (const file of UNCHECKED) {
    it(`${file}: helpers that check nothing take no user to check`, () => {
      expect(exportedFunctions(file).filter((f) => isViewer(f.first)).map((f) => f.name)).toEqual([]);
    });
  }

  it("lists only exceptions that exist", () => {
    for (const key of Object.keys(NO_VIEWER)) {
      const [file, name] = key.split(":");
      expect(exportedFunctions(file).map((f) => f.name), key).toContain(name);
    }
  });

  it("pages and components never import a helper that checks nothing", () => {
    const edges = [...filesNamed("app", (f) => /\.tsx?$/.test(f)), ...filesNamed("components", (f) => /\.tsx?$/.test(f))].filter((file) =>
      /from "@\/lib\/[a-z-]+\/unchecked"/.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(edges).toEqual([]);
  });
});
