import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ENV_NAMES, EnvError, envSchema, getEnv, parseEnv, type Env } from "./env";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("parseEnv", () => {
  it("gives the documented defaults when nothing is set", () => {
    const expected: Env = {
      DATABASE_URL: undefined,
      PGLITE_DIR: ".data/pglite",
      DATABASE_POOL_MAX: 10,
      DATABASE_STATEMENT_TIMEOUT_MS: 15_000,
      BACKUP_DIR: ".data/backups",
      PG_BIN_DIR: undefined,
      AUTH_SECRET: undefined,
      NEXTAUTH_SECRET: undefined,
      AUTH_URL: undefined,
      RESEND_API_KEY: undefined,
      MAIL_FROM: "Firearms Assistance Portal <portal@example.org>",
      MAIL_POLL_INTERVAL_MS: 2_000,
      MAIL_WORKER: "on",
      REMINDER_WORKER: "on",
      REMINDER_INTERVAL_MS: 3_600_000,
      PDF_WORKER: "on",
      IATI_REPORTING_ORG_REF: undefined,
      IATI_REPORTING_ORG_NAME: undefined,
      IATI_REPORTING_ORG_NAME_ES: undefined,
      IATI_REPORTING_ORG_TYPE: "40",
      DEMO_MODE: false,
      BENCH_COUNT_QUERIES: false,
      BENCH_LOG_QUERIES: undefined,
      SIGN_IN_LINK_MAX_AGE_SECONDS: 900,
      SIGN_IN_LIMIT_PER_EMAIL: 5,
      SIGN_IN_LIMIT_PER_IP: 30,
      UPLOADS_PER_USER: 3,
      UPLOAD_SLOT_TTL_SECONDS: 600,
      TRUSTED_PROXY_HOPS: 0,
    };
    expect(parseEnv({})).toEqual(expected);
  });

  it("treats empty and blank values as unset", () => {
    const blank = Object.fromEntries(ENV_NAMES.map((name) => [name, "  "]));
    // Secrets are kept exactly as given, so only the empty string counts as unset for them.
    const { AUTH_SECRET, NEXTAUTH_SECRET, ...rest } = parseEnv({ ...blank, AUTH_SECRET: "", NEXTAUTH_SECRET: "" });
    const { AUTH_SECRET: _a, NEXTAUTH_SECRET: _n, ...defaults } = parseEnv({});
    expect(AUTH_SECRET).toBeUndefined();
    expect(NEXTAUTH_SECRET).toBeUndefined();
    expect(rest).toEqual(defaults);
  });

  it("reads set values, trimmed (secrets as given)", () => {
    const env = parseEnv({
      DATABASE_URL: " postgres://portal@db.example.org:5432/portal ",
      PGLITE_DIR: "memory",
      DATABASE_POOL_MAX: " 20 ",
      DATABASE_STATEMENT_TIMEOUT_MS: "0",
      AUTH_SECRET: " s3cret ",
      AUTH_URL: "https://portal.example.org",
      RESEND_API_KEY: " re_123 ",
      MAIL_FROM: " Portal <noreply@oas.example> ",
      SIGN_IN_LINK_MAX_AGE_SECONDS: "3",
      SIGN_IN_LIMIT_PER_EMAIL: "1",
      SIGN_IN_LIMIT_PER_IP: "10000",
      TRUSTED_PROXY_HOPS: "2",
      IATI_REPORTING_ORG_REF: "XM-DAC-99999",
      IATI_REPORTING_ORG_NAME: "Program Office",
      IATI_REPORTING_ORG_TYPE: "10",
    });
    expect(env).toMatchObject({
      DATABASE_URL: "postgres://portal@db.example.org:5432/portal",
      PGLITE_DIR: "memory",
      DATABASE_POOL_MAX: 20,
      DATABASE_STATEMENT_TIMEOUT_MS: 0,
      AUTH_SECRET: " s3cret ",
      AUTH_URL: "https://portal.example.org",
      RESEND_API_KEY: "re_123",
      MAIL_FROM: "Portal <noreply@oas.example>",
      SIGN_IN_LINK_MAX_AGE_SECONDS: 3,
      SIGN_IN_LIMIT_PER_EMAIL: 1,
      SIGN_IN_LIMIT_PER_IP: 10000,
      TRUSTED_PROXY_HOPS: 2,
      IATI_REPORTING_ORG_REF: "XM-DAC-99999",
      IATI_REPORTING_ORG_NAME: "Program Office",
      IATI_REPORTING_ORG_TYPE: "10",
    });
    expect(parseEnv({ DATABASE_URL: "postgresql://localhost/portal" }).DATABASE_URL).toBe("postgresql://localhost/portal");
  });

  it("switches on demo mode with exactly 1, and a worker off with exactly off, as before", () => {
    expect(parseEnv({ DEMO_MODE: "1" }).DEMO_MODE).toBe(true);
    for (const value of ["0", "true", "yes", " 1", "on"]) expect(parseEnv({ DEMO_MODE: value }).DEMO_MODE, value).toBe(false);
    for (const name of ["MAIL_WORKER", "REMINDER_WORKER", "PDF_WORKER"] as const) {
      expect(parseEnv({ [name]: "off" })[name]).toBe("off");
      for (const value of ["on", "OFF", "false", "0", ""]) expect(parseEnv({ [name]: value })[name], `${name}=${value}`).toBe("on");
    }
  });

  it("keeps the lenient reading of the intervals and upload slots: out of range gives the default, as before", () => {
    expect(parseEnv({ MAIL_POLL_INTERVAL_MS: "250" }).MAIL_POLL_INTERVAL_MS).toBe(250);
    expect(parseEnv({ MAIL_POLL_INTERVAL_MS: "99" }).MAIL_POLL_INTERVAL_MS).toBe(2_000);
    expect(parseEnv({ MAIL_POLL_INTERVAL_MS: "soon" }).MAIL_POLL_INTERVAL_MS).toBe(2_000);
    expect(parseEnv({ REMINDER_INTERVAL_MS: "60000" }).REMINDER_INTERVAL_MS).toBe(60_000);
    expect(parseEnv({ REMINDER_INTERVAL_MS: "999" }).REMINDER_INTERVAL_MS).toBe(3_600_000);
    expect(parseEnv({ UPLOADS_PER_USER: "5", UPLOAD_SLOT_TTL_SECONDS: "120" })).toMatchObject({ UPLOADS_PER_USER: 5, UPLOAD_SLOT_TTL_SECONDS: 120 });
    expect(parseEnv({ UPLOADS_PER_USER: "0", UPLOAD_SLOT_TTL_SECONDS: "1.5" })).toMatchObject({ UPLOADS_PER_USER: 3, UPLOAD_SLOT_TTL_SECONDS: 600 });
  });

  const bad: [string, string, RegExp][] = [
    ["DATABASE_URL", "mysql://db/portal", /^DATABASE_URL must be an absolute postgres:\/\/ or postgresql:\/\/ URL/],
    ["DATABASE_URL", "db.example.org", /^DATABASE_URL must be/],
    ["DATABASE_POOL_MAX", "ten", /^DATABASE_POOL_MAX must be a whole number of at least 1 .*got "ten"/],
    ["DATABASE_POOL_MAX", "0", /^DATABASE_POOL_MAX must be a whole number of at least 1/],
    ["DATABASE_STATEMENT_TIMEOUT_MS", "-1", /^DATABASE_STATEMENT_TIMEOUT_MS must be a whole number of at least 0/],
    ["DATABASE_STATEMENT_TIMEOUT_MS", "1.5", /^DATABASE_STATEMENT_TIMEOUT_MS must be a whole number/],
    ["AUTH_URL", "portal.example.org", /^AUTH_URL must be an absolute http:\/\/ or https:\/\/ URL such as https:\/\/portal.example.org, got "portal.example.org"/],
    ["AUTH_URL", "ftp://portal.example.org", /^AUTH_URL must be/],
    ["SIGN_IN_LINK_MAX_AGE_SECONDS", "15m", /^SIGN_IN_LINK_MAX_AGE_SECONDS must be a whole number of at least 1/],
    ["SIGN_IN_LIMIT_PER_EMAIL", "0", /^SIGN_IN_LIMIT_PER_EMAIL must be a whole number of at least 1/],
    ["SIGN_IN_LIMIT_PER_IP", "lots", /^SIGN_IN_LIMIT_PER_IP must be a whole number of at least 1/],
    ["TRUSTED_PROXY_HOPS", "11", /^TRUSTED_PROXY_HOPS must be a whole number from 0 to 10: .*Got "11"\./],
    ["TRUSTED_PROXY_HOPS", "one", /^TRUSTED_PROXY_HOPS must be a whole number from 0 to 10/],
    ["IATI_REPORTING_ORG_TYPE", "multilateral", /^IATI_REPORTING_ORG_TYPE must be a two-digit IATI OrganisationType code, got "multilateral"/],
    ["IATI_REPORTING_ORG_REF", "has spaces in it", /^IATI_REPORTING_ORG_REF must be an IATI organisation identifier/],
  ];
  it.each(bad)("refuses %s=%j, naming the variable and what it must be", (name, value, message) => {
    let error: unknown;
    try {
      parseEnv({ [name]: value, ...(name === "IATI_REPORTING_ORG_REF" ? { IATI_REPORTING_ORG_NAME: "X" } : {}) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).problems).toHaveLength(1);
    expect((error as EnvError).problems[0]).toMatch(message);
    expect((error as EnvError).message).toContain(name);
  });

  it("needs the IATI name with the identifier", () => {
    expect(() => parseEnv({ IATI_REPORTING_ORG_REF: "XM-DAC-1" })).toThrow(/IATI_REPORTING_ORG_NAME must be set together with IATI_REPORTING_ORG_REF/);
  });

  it("names every bad variable in one error", () => {
    expect(() => parseEnv({ DATABASE_POOL_MAX: "x", TRUSTED_PROXY_HOPS: "x", AUTH_URL: "x" })).toThrow(
      /configuration is invalid:\n {2}- DATABASE_POOL_MAX .*\n {2}- AUTH_URL .*\n {2}- TRUSTED_PROXY_HOPS /,
    );
  });
});

describe("getEnv", () => {
  it("reads process.env again when a variable changes, and only then", () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    const first = getEnv();
    expect(first.TRUSTED_PROXY_HOPS).toBe(1);
    expect(getEnv()).toBe(first);
    vi.stubEnv("TRUSTED_PROXY_HOPS", "2");
    expect(getEnv().TRUSTED_PROXY_HOPS).toBe(2);
    vi.stubEnv("TRUSTED_PROXY_HOPS", "eleven");
    expect(() => getEnv()).toThrow(/TRUSTED_PROXY_HOPS must be/);
  });

  it("parses a given source instead of process.env", () => {
    vi.stubEnv("DEMO_MODE", "1");
    expect(getEnv({}).DEMO_MODE).toBe(false);
    expect(getEnv().DEMO_MODE).toBe(true);
  });
});

// Variables in the README's table that the portal itself does not read: a library, the tests, a script.
const READ_ELSEWHERE = ["RESEND_BASE_URL", "CHROMIUM_PATH", "PORT"];

/** What the README's configuration table gets wrong about the schema; empty when they agree. */
function configurationTableProblems(readme: string): string[] {
  const section = readme.split("\n## Configuration\n")[1]?.split("\n#")[0] ?? "";
  const rows = new Map<string, string>();
  for (const line of section.split("\n")) {
    const row = /^\| `([A-Z0-9_]+)` \| ([^|]*) \|/.exec(line);
    if (row) rows.set(row[1], row[2].trim());
  }
  const problems: string[] = [];
  const defaults = parseEnv({});
  for (const name of ENV_NAMES) {
    const cell = rows.get(name);
    if (cell === undefined) {
      problems.push(`${name} has no row`);
      continue;
    }
    const value = defaults[name];
    const expected = value === undefined || value === false ? "unset" : `\`${value}\``;
    if (!cell.startsWith(expected)) problems.push(`${name}: the default is ${expected}, the table says ${cell}`);
  }
  for (const name of rows.keys()) {
    if (!(ENV_NAMES as string[]).includes(name) && !READ_ELSEWHERE.includes(name)) problems.push(`${name} is not a known variable`);
  }
  return problems;
}

describe("the README's configuration table", () => {
  const readme = readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");

  it("lists every variable of the schema with its default, and no other", () => {
    expect(configurationTableProblems(readme)).toEqual([]);
  });

  it("is found out when it disagrees with the schema", () => {
    expect(configurationTableProblems(readme.replace(/^\| `DATABASE_POOL_MAX` .*\n/m, ""))).toEqual(["DATABASE_POOL_MAX has no row"]);
    expect(configurationTableProblems(readme.replace("| `SIGN_IN_LIMIT_PER_IP` | `30` |", "| `SIGN_IN_LIMIT_PER_IP` | `20` |"))).toEqual([
      "SIGN_IN_LIMIT_PER_IP: the default is `30`, the table says `20`",
    ]);
    expect(configurationTableProblems(readme.replace("| `PORT` |", "| `MAIL_RETRIES` | `3` | x |\n| `PORT` |"))).toEqual(["MAIL_RETRIES is not a known variable"]);
  });

  it("has a meaning for every variable of the schema", () => {
    for (const name of ENV_NAMES) expect(envSchema.shape[name].description, name).toBeTruthy();
  });
});
