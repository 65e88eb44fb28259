import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// The layering of docs/decisions/0023: pages, layouts, actions, route handlers and components reach storage
// only through lib/; what the browser loads never pulls in drizzle, the database client or server-only code.
const dbImports = {
  group: ["@/db", "@/db/*", "**/db", "**/db/*", "drizzle-orm", "drizzle-orm/*"],
  message: "app/ and components/ do not import db/ or drizzle: call a lib/ function, or use lib/enums or another plain lib/ module.",
};
const serverOnlyImports = {
  group: ["server-only", "**/queries", "**/*-queries", "**/mutations", "@/lib/i18n/server", "@/lib/auth/current-user"],
  allowTypeImports: true,
  message: "A client component gets its data and server actions from its page (as props), never from a server-only module.",
};
// Pages (app/) load data with lib/ queries and import the server actions; components/ receive both as
// props, so a component never decides what to load or which action to call.
const pageImports = {
  group: ["@/app/*", "@/app/**"],
  message: "components receive actions and data as props; pages load them (import the action in the page and pass it down).",
};
const dataImports = {
  group: ["@/lib/*/queries", "@/lib/*/mutations", "@/lib/auth/current-user"],
  allowTypeImports: true,
  message: "components receive actions and data as props; pages load them (call the query in the page or its loader and pass the result).",
};
const clientComponents = clientModules("components");

// The look lives in app/globals.css and components/ui/ui.css; markup takes classes, never inline styles.
const noInlineStyle = {
  propName: "style",
  message: "Use a class from components/ui/ui.css or app/globals.css (add a well-named one there) instead of an inline style.",
};

// Plain modules that forms and pure rules share with the browser.
const plainModules = ["lib/enums.ts", "lib/money.ts", "lib/dates.ts", "lib/**/schema.ts", "lib/**/workflow.ts", "lib/programs/default-rubric.ts"];

// Client components are the files that start with the "use client" directive; the list is read at lint time.
function clientModules(...roots) {
  return roots.flatMap((root) =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8"))),
  );
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**", ...plainModules],
    // Integration tests beside a route handler or a page's loader set up their own database; they are never bundled.
    ignores: ["**/*.int.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [dbImports] }],
    },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "react/forbid-dom-props": ["error", { forbid: [noInlineStyle] }],
      "react/forbid-component-props": ["error", { forbid: [noInlineStyle] }],
    },
  },
  {
    files: clientModules("app", "components", "lib"),
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [serverOnlyImports] }],
    },
  },
  // A later block replaces the rule's options, so client components keep the server-only list (which
  // already covers queries, mutations and the current user) and add app/.
  {
    files: ["components/**"],
    ignores: clientComponents,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [pageImports, dataImports] }],
    },
  },
  {
    files: clientComponents,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [serverOnlyImports, pageImports] }],
    },
  },
  {
    plugins: { drizzle },
    rules: {
      // The names the code gives its drizzle handles: `db` (also `handle.db`) and the transaction `tx`.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
]);
