// Every environment variable the portal reads, in one zod schema: its type, default and meaning, parsed
// once and checked at start (instrumentation.ts) so that a bad setting stops `next start` with a message
// naming it (decision 0024). The README's configuration table is checked against this schema.
//
// No "server-only" and no Node-only imports here: proxy.ts imports this (through lib/http), and the
// command-line tools (`npm run mail:send`, `db:backup`, ...) run it under tsx, outside Next.js. No variable
// is NEXT_PUBLIC_, so nothing of this reaches the browser and there is no client part.
import { z } from "zod";

export type EnvSource = Readonly<Record<string, string | undefined>>;

export const DEFAULT_MAIL_FROM = "Firearms Assistance Portal <portal@example.org>";
const DEFAULT_MAIL_POLL_INTERVAL_MS = 2_000;
const DEFAULT_REMINDER_INTERVAL_MS = 60 * 60 * 1000;
export const DEFAULT_IATI_REPORTING_ORG_TYPE = "40";
export const TRUSTED_PROXY_HOPS_MAX = 10;

/** Parses TRUSTED_PROXY_HOPS: unset or empty means 0 (no proxy); otherwise a whole number 0..10. */
export function parseTrustedProxyHops(raw: string | undefined): number {
  const value = raw?.trim() ?? "";
  if (value === "") return 0;
  if (!/^\d{1,2}$/.test(value) || Number(value) > TRUSTED_PROXY_HOPS_MAX) {
    throw new Error(
      `TRUSTED_PROXY_HOPS must be a whole number from 0 to ${TRUSTED_PROXY_HOPS_MAX}: the number of proxies in front of ` +
        `the portal that append the client's address to X-Forwarded-For (0 or unset: none). Got ${JSON.stringify(raw)}.`,
    );
  }
  return Number(value);
}

// IATI organisation identifiers are {agency prefix}-{number}: letters, digits, hyphens, dots, slashes,
// no spaces (they become the prefix of every activity identifier).
const IATI_ORG_REF = /^[A-Za-z0-9][A-Za-z0-9._/-]*-[A-Za-z0-9._/-]+$/;
const IATI_ORG_TYPE = /^\d{2}$/;

const raw = z.string().optional();

/** Free text, trimmed; empty counts as unset. */
const optionalText = () => raw.transform((value) => value?.trim() || undefined);
const textOr = (fallback: string) => raw.transform((value) => value?.trim() || fallback);
/** A secret, kept exactly as given; empty counts as unset. */
const secret = () => raw.transform((value) => value || undefined);

/** A whole number of at least `min`; unset or empty gives the default, anything else stops the start. */
function wholeNumber(fallback: number, min: number, what: string) {
  return raw.transform((value, ctx) => {
    const trimmed = value?.trim() ?? "";
    if (trimmed === "") return fallback;
    if (/^\d{1,15}$/.test(trimmed) && Number(trimmed) >= min) return Number(trimmed);
    ctx.addIssue({ code: "custom", message: `must be a whole number of at least ${min} (${what}), got ${JSON.stringify(value)}.` });
    return z.NEVER;
  });
}

// These keep the lenient reading they always had (a value out of range gives the default), which their
// tests pin; see decision 0024.
const intervalAtLeast = (min: number, fallback: number) =>
  raw.transform((value) => {
    const n = Number(value);
    return Number.isFinite(n) && n >= min ? n : fallback;
  });
const positiveIntegerOr = (fallback: number) =>
  raw.transform((value) => {
    const n = Number(value);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  });

/** On unless set to exactly "off". */
const switchedOff = () => raw.transform((value): "on" | "off" => (value === "off" ? "off" : "on"));

function url(protocols: string[], example: string) {
  return raw.transform((value, ctx) => {
    const trimmed = value?.trim() ?? "";
    if (trimmed === "") return undefined;
    if (URL.canParse(trimmed) && protocols.includes(new URL(trimmed).protocol)) return trimmed;
    ctx.addIssue({
      code: "custom",
      message: `must be an absolute ${protocols.map((p) => `${p}//`).join(" or ")} URL such as ${example}, got ${JSON.stringify(value)}.`,
    });
    return z.NEVER;
  });
}

export const envSchema = z
  .object({
    DATABASE_URL: url(["postgres:", "postgresql:"], "postgres://user@host:5432/db").describe(
      "PostgreSQL server; unset means the embedded PGlite",
    ),
    PGLITE_DIR: textOr(".data/pglite").describe("folder of the embedded database (`memory` keeps it in memory)"),
    DATABASE_POOL_MAX: wholeNumber(10, 1, "connections per process to the PostgreSQL server").describe(
      "connections per process to the PostgreSQL server",
    ),
    DATABASE_STATEMENT_TIMEOUT_MS: wholeNumber(15_000, 0, "milliseconds; 0 means no timeout").describe(
      "statement timeout on the server",
    ),
    BACKUP_DIR: textOr(".data/backups").describe("folder `npm run db:backup` writes into"),
    PG_BIN_DIR: optionalText().describe("folder of pg_dump and pg_restore; unset means those on PATH"),
    AUTH_SECRET: secret().describe("Auth.js secret; required in production"),
    NEXTAUTH_SECRET: secret().describe("the older name of AUTH_SECRET, used when that is unset"),
    AUTH_URL: url(["http:", "https:"], "https://portal.example.org").describe("the portal's public URL"),
    RESEND_API_KEY: optionalText().describe("send mail through Resend; unset keeps mail in the outbox"),
    MAIL_FROM: textOr(DEFAULT_MAIL_FROM).describe("sender address"),
    MAIL_POLL_INTERVAL_MS: intervalAtLeast(100, DEFAULT_MAIL_POLL_INTERVAL_MS).describe(
      "how often the in-process sender drains the outbox (at least 100)",
    ),
    MAIL_WORKER: switchedOff().describe("`off` stops the in-process mail sender"),
    REMINDER_WORKER: switchedOff().describe("`off` stops the in-process reminder job"),
    REMINDER_INTERVAL_MS: intervalAtLeast(1000, DEFAULT_REMINDER_INTERVAL_MS).describe(
      "how often the in-process reminder job runs (at least 1000)",
    ),
    PDF_WORKER: switchedOff().describe("`off` renders PDF reports on the server's own thread"),
    IATI_REPORTING_ORG_REF: raw
      .transform((value, ctx) => {
        const ref = value?.trim() || undefined;
        if (ref && !IATI_ORG_REF.test(ref)) {
          ctx.addIssue({ code: "custom", message: `IATI_REPORTING_ORG_REF must be an IATI organisation identifier such as "XM-DAC-00000", got "${ref}"` });
          return z.NEVER;
        }
        return ref;
      })
      .describe("the publisher named as reporting-org in IATI files; unset means the demo identity"),
    IATI_REPORTING_ORG_NAME: optionalText().describe("its name (English); required with IATI_REPORTING_ORG_REF"),
    IATI_REPORTING_ORG_NAME_ES: optionalText().describe("its name in Spanish"),
    IATI_REPORTING_ORG_TYPE: raw
      .transform((value, ctx) => {
        const type = value?.trim() || DEFAULT_IATI_REPORTING_ORG_TYPE;
        if (IATI_ORG_TYPE.test(type)) return type;
        ctx.addIssue({ code: "custom", message: `IATI_REPORTING_ORG_TYPE must be a two-digit IATI OrganisationType code, got "${type}"` });
        return z.NEVER;
      })
      .describe("its IATI OrganisationType code"),
    DEMO_MODE: raw.transform((value) => value === "1").describe("`1` switches demo mode on"),
    BENCH_COUNT_QUERIES: raw
      .transform((value) => value === "1")
      .describe("`1` counts SQL queries per request and reports event-loop stalls, for `npm run bench`"),
    BENCH_LOG_QUERIES: optionalText().describe("a file to which each distinct SQL query is appended once, for `npm run bench:explain`"),
    SIGN_IN_LINK_MAX_AGE_SECONDS: wholeNumber(15 * 60, 1, "seconds").describe("lifetime of a sign-in link"),
    SIGN_IN_LIMIT_PER_EMAIL: wholeNumber(5, 1, "requests per 15 minutes").describe("sign-in link requests per address per 15 minutes"),
    SIGN_IN_LIMIT_PER_IP: wholeNumber(30, 1, "requests per 15 minutes").describe("sign-in link requests per client address per 15 minutes"),
    UPLOADS_PER_USER: positiveIntegerOr(3).describe("uploads one user may have in progress at once"),
    UPLOAD_SLOT_TTL_SECONDS: positiveIntegerOr(600).describe("after this long an upload slot never given back stops counting"),
    TRUSTED_PROXY_HOPS: raw
      .transform((value, ctx) => {
        try {
          return parseTrustedProxyHops(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      })
      .describe("proxies in front of the portal that append to X-Forwarded-For"),
  })
  .superRefine((env, ctx) => {
    if (env.IATI_REPORTING_ORG_REF && !env.IATI_REPORTING_ORG_NAME) {
      ctx.addIssue({
        code: "custom",
        path: ["IATI_REPORTING_ORG_NAME"],
        message: "IATI_REPORTING_ORG_NAME must be set together with IATI_REPORTING_ORG_REF",
      });
    }
  });

export type Env = z.output<typeof envSchema>;
export type EnvName = keyof Env;
export const ENV_NAMES = Object.keys(envSchema.shape) as EnvName[];

/** One or more bad settings; the message names each variable and what it must be. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`The portal's configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses the given variables (all of them unset gives the defaults); throws EnvError naming each bad one. */
export function parseEnv(source: EnvSource): Env {
  const values = Object.fromEntries(ENV_NAMES.map((name) => [name, source[name]]));
  const result = envSchema.safeParse(values);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      return issue.message.startsWith(name) ? issue.message : `${name} ${issue.message}`;
    }),
  );
}

// Keyed on the raw values, so a test that changes process.env (vi.stubEnv) sees the change on the next read.
let cached: { key: string; env: Env } | undefined;

/**
 * The parsed configuration: of `source` when given (tests, helpers taking explicit settings), else of
 * process.env, parsed again only when one of its variables changed. Throws EnvError on a bad setting.
 */
export function getEnv(source?: EnvSource): Env {
  if (source) return parseEnv(source);
  const key = JSON.stringify(ENV_NAMES.map((name) => process.env[name] ?? null));
  if (cached?.key !== key) cached = { key, env: parseEnv(process.env) };
  return cached.env;
}
