// Pure helpers shared by the request screens (server pages and the client form): field kinds and
// labels, the form's raw values, display formatting, list links and revision rows. No server imports.
import { OFFICER_TIMELINE_ACTIONS } from "@/components/requests/notices";
import { ASSISTANCE_CATEGORIES, type AssistanceCategory, type Locale, REQUEST_STATUSES, type RequestStatus } from "@/lib/enums";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import {
  CATEGORY_FIELDS,
  DESTRUCTION_METHODS,
  ETRACE_LANGUAGES,
  LEGAL_INSTRUMENTS,
  detailsSchema,
  minorToMajor,
  type DetailField,
  type RequestListFilters,
} from "@/lib/requests/schema";

/** The form's values exactly as the inputs hold them (strings as typed); the schema converts them. */
export interface RequestFormValues {
  primaryLocale: Locale;
  category: string;
  titleEn: string;
  titleEs: string;
  narrativeEn: string;
  narrativeEs: string;
  justificationEn: string;
  justificationEs: string;
  details: Partial<Record<DetailField, string>>;
  estimatedCost: string;
  urgency: string;
  desiredStartOn: string;
  programIds: string[];
}

/** Every detail field, in the schema's order. */
export const DETAIL_FIELDS = Object.keys(detailsSchema.shape) as DetailField[];

export type DetailFieldKind =
  | { kind: "int" }
  | { kind: "decimal" }
  | { kind: "shortText"; maxLength: number }
  | { kind: "longText"; maxLength: number }
  | { kind: "boolean" }
  | { kind: "choice"; options: readonly string[]; labelPrefix: "destructionMethods" | "legalInstruments" | "etraceLanguages" };

/** How each detail field is entered and shown. */
export const DETAIL_FIELD_KINDS: Record<DetailField, DetailFieldKind> = {
  machinesWanted: { kind: "int" },
  firearmsToMarkPerYear: { kind: "int" },
  operatingAgencies: { kind: "shortText", maxLength: 500 },
  recordsToDigitize: { kind: "int" },
  currentSystem: { kind: "longText", maxLength: 2000 },
  etraceAgencies: { kind: "shortText", maxLength: 500 },
  etraceAccountsWanted: { kind: "int" },
  etraceLanguage: { kind: "choice", options: ETRACE_LANGUAGES, labelPrefix: "etraceLanguages" },
  etraceTrainingNeeded: { kind: "boolean" },
  sites: { kind: "int" },
  storageCapacity: { kind: "int" },
  weaponsToDestroy: { kind: "int" },
  ammunitionTonnes: { kind: "decimal" },
  destructionMethod: { kind: "choice", options: DESTRUCTION_METHODS, labelPrefix: "destructionMethods" },
  course: { kind: "shortText", maxLength: 500 },
  officersToTrain: { kind: "int" },
  legalInstrument: { kind: "choice", options: LEGAL_INSTRUMENTS, labelPrefix: "legalInstruments" },
  legislationScope: { kind: "longText", maxLength: 2000 },
  planScope: { kind: "longText", maxLength: 2000 },
};

export function isCategory(value: unknown): value is AssistanceCategory {
  return typeof value === "string" && (ASSISTANCE_CATEGORIES as readonly string[]).includes(value);
}

export function isDetailField(value: unknown): value is DetailField {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(DETAIL_FIELD_KINDS, value);
}

/** The label key of a choice (destruction method, legal instrument, eTrace language). */
export function choiceLabelKey(field: DetailField, option: string): MessageKey | null {
  const spec = DETAIL_FIELD_KINDS[field];
  if (spec.kind !== "choice" || !spec.options.includes(option)) return null;
  return `requests.${spec.labelPrefix}.${option}` as MessageKey;
}

/** The details a category shows, keeping what was typed in them; "" where nothing was. */
export function pickCategoryDetails(
  category: string,
  details: Partial<Record<string, string>> | undefined,
): Partial<Record<DetailField, string>> {
  if (!isCategory(category)) return {};
  const source = details ?? {};
  return Object.fromEntries(CATEGORY_FIELDS[category].fields.map((field) => [field, source[field] ?? ""]));
}

/** What the form sends: its raw values, with only the chosen category's details. */
export function toActionValues(values: RequestFormValues): RequestFormValues {
  return {
    ...values,
    details: pickCategoryDetails(values.category, values.details),
    programIds: Array.isArray(values.programIds) ? values.programIds.filter((id) => typeof id === "string") : [],
  };
}

export function emptyRequestFormValues(primaryLocale: Locale): RequestFormValues {
  return {
    primaryLocale,
    category: "",
    titleEn: "",
    titleEs: "",
    narrativeEn: "",
    narrativeEs: "",
    justificationEn: "",
    justificationEs: "",
    details: {},
    estimatedCost: "",
    urgency: "",
    desiredStartOn: "",
    programIds: [],
  };
}

/** A stored request's content, as the detail query returns it. */
export interface StoredRequestContent {
  primaryLocale: Locale;
  category: AssistanceCategory | null;
  titleEn: string | null;
  titleEs: string | null;
  narrativeEn: string | null;
  narrativeEs: string | null;
  justificationEn: string | null;
  justificationEs: string | null;
  details: Record<string, unknown>;
  estimatedCostMinor: number | null;
  urgency: string | null;
  desiredStartOn: string | null;
  programIds: string[];
}

function detailToInput(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return typeof value === "string" ? value : "";
}

/** A stored request put back into the form's raw values, for editing or submitting it as saved. */
export function formValuesFromRequest(stored: StoredRequestContent): RequestFormValues {
  const category = stored.category ?? "";
  const details: Partial<Record<string, string>> = {};
  for (const [key, value] of Object.entries(stored.details ?? {})) {
    if (isDetailField(key)) details[key] = detailToInput(value);
  }
  return {
    primaryLocale: stored.primaryLocale,
    category,
    titleEn: stored.titleEn ?? "",
    titleEs: stored.titleEs ?? "",
    narrativeEn: stored.narrativeEn ?? "",
    narrativeEs: stored.narrativeEs ?? "",
    justificationEn: stored.justificationEn ?? "",
    justificationEs: stored.justificationEs ?? "",
    details: category ? pickCategoryDetails(category, details) : {},
    estimatedCost: stored.estimatedCostMinor === null ? "" : minorToMajor(stored.estimatedCostMinor),
    urgency: stored.urgency ?? "",
    desiredStartOn: stored.desiredStartOn ?? "",
    programIds: [...stored.programIds],
  };
}

/** The top-level fields in the order the form shows them (the error summary follows it). */
export const FORM_FIELD_ORDER = [
  "primaryLocale",
  "titleEs",
  "narrativeEs",
  "justificationEs",
  "titleEn",
  "narrativeEn",
  "justificationEn",
  "category",
  "details",
  "estimatedCost",
  "urgency",
  "desiredStartOn",
  "programIds",
] as const;

const FIELD_LABELS: Record<string, MessageKey> = {
  primaryLocale: "requests.fields.primaryLocale",
  category: "requests.fields.category",
  titleEn: "requests.fields.titleEn",
  titleEs: "requests.fields.titleEs",
  narrativeEn: "requests.fields.narrativeEn",
  narrativeEs: "requests.fields.narrativeEs",
  justificationEn: "requests.fields.justificationEn",
  justificationEs: "requests.fields.justificationEs",
  estimatedCost: "requests.fields.estimatedCost",
  estimatedCostMinor: "requests.fields.estimatedCost",
  currency: "requests.fields.currency",
  urgency: "requests.fields.urgency",
  desiredStartOn: "requests.fields.desiredStartOn",
  programIds: "requests.fields.programIds",
  attachments: "requests.fields.attachments",
};

/** The label of a field path such as "titleEs", "details.sites" or "programIds.0"; null when unknown. */
export function fieldLabelKey(path: string): MessageKey | null {
  const [head, second] = path.split(".");
  if (head === "details") return isDetailField(second) ? (`requests.details.${second}.label` as MessageKey) : null;
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, head) ? FIELD_LABELS[head] : null;
}

/** Where a field path sorts in the form (unknown paths last). */
export function fieldOrder(path: string): number {
  const [head, second] = path.split(".");
  const top = (FORM_FIELD_ORDER as readonly string[]).indexOf(head);
  const base = (top === -1 ? FORM_FIELD_ORDER.length : top) * 100;
  return head === "details" && isDetailField(second) ? base + DETAIL_FIELDS.indexOf(second) : base;
}

/** The leaf errors of a react-hook-form errors tree, as dotted paths with their messages, in form order. */
export function flattenErrors(errors: unknown): { path: string; message: string | undefined }[] {
  const out: { path: string; message: string | undefined }[] = [];
  const visit = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === "string" || typeof record.message === "string") {
      out.push({ path, message: typeof record.message === "string" ? record.message : undefined });
      return;
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === "ref" || key === "root") continue;
      visit(value, path ? `${path}.${key}` : key);
    }
  };
  visit(errors, "");
  // One entry per field: "programIds.0" and "programIds.1" are one field.
  const seen = new Set<string>();
  return out
    .map((e) => ({ ...e, path: e.path.split(".").filter((p) => !/^\d+$/.test(p)).join(".") }))
    .filter((e) => (seen.has(e.path) ? false : (seen.add(e.path), true)))
    .sort((a, b) => fieldOrder(a.path) - fieldOrder(b.path));
}

/** A detail value for reading (numbers in the locale, choices and yes/no translated); null when not given. */
export function formatDetailValue(field: DetailField, value: unknown, t: Translate, locale: Locale): string | null {
  if (value === undefined || value === null || value === "") return null;
  const spec = DETAIL_FIELD_KINDS[field];
  switch (spec.kind) {
    case "int":
    case "decimal":
      return typeof value === "number" ? formatNumber(value, locale) : String(value);
    case "boolean":
      if (value === true || value === "true") return t("common.yes");
      if (value === false || value === "false") return t("common.no");
      return String(value);
    case "choice": {
      const key = choiceLabelKey(field, String(value));
      return key ? t(key) : String(value);
    }
    default:
      return String(value);
  }
}

const TIMELINE_ACTIONS: Record<string, MessageKey> = {
  "request.create": "requests.timeline.create",
  "request.update": "requests.timeline.update",
  "request.submit": "requests.timeline.submit",
  "request.resubmit": "requests.timeline.resubmit",
  "request.withdraw": "requests.timeline.withdraw",
  "request.attachment.add": "requests.timeline.attachmentAdd",
  "request.attachment.remove": "requests.timeline.attachmentRemove",
  ...OFFICER_TIMELINE_ACTIONS,
};

/** The label of an audit action on a request; actions this screen does not know get a generic one. */
export function timelineActionKey(action: string): MessageKey {
  return Object.prototype.hasOwnProperty.call(TIMELINE_ACTIONS, action) ? TIMELINE_ACTIONS[action] : "requests.timeline.other";
}

export function statusBadgeClass(status: RequestStatus): string {
  if (status === "approved" || status === "awarded") return "badge badge-success";
  if (status === "rejected" || status === "withdrawn") return "badge badge-danger";
  return "badge";
}

export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === "string" && (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** The title to show: in the reader's language when given, else in the filer's, else the other; null when none. */
export function displayTitle(
  request: { titleEn: string | null; titleEs: string | null; primaryLocale: Locale },
  locale: Locale,
): { text: string; lang: Locale } | null {
  const order: Locale[] = [locale, request.primaryLocale, locale === "en" ? "es" : "en"];
  for (const l of order) {
    const text = l === "en" ? request.titleEn : request.titleEs;
    if (text && text.trim()) return { text, lang: l };
  }
  return null;
}

const LIST_DEFAULTS = { sort: "updated", dir: "desc", page: 1 } as const;

/** A link to the list that keeps the filters and sort, with some of them changed (page 1 unless given). */
export function requestsListHref(filters: RequestListFilters, changes: Partial<RequestListFilters> = {}): string {
  const next: RequestListFilters = { ...filters, page: 1, ...changes };
  const query = new URLSearchParams();
  for (const key of ["q", "status", "category", "country", "program"] as const) {
    const value = next[key];
    if (value) query.set(key, value);
  }
  if (next.sort !== LIST_DEFAULTS.sort) query.set("sort", next.sort);
  if (next.dir !== LIST_DEFAULTS.dir) query.set("dir", next.dir);
  if (next.page > LIST_DEFAULTS.page) query.set("page", String(next.page));
  const qs = query.toString();
  return qs ? `/requests?${qs}` : "/requests";
}

/** The first value of each search parameter, for parsing with a schema. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

// ---- revision comparison ----------------------------------------------------------------------

const SNAPSHOT_ORDER = [
  "primaryLocale",
  "titleEn",
  "titleEs",
  "narrativeEn",
  "narrativeEs",
  "justificationEn",
  "justificationEs",
  "category",
  "details",
  "estimatedCostMinor",
  "currency",
  "urgency",
  "desiredStartOn",
  "programIds",
  "attachments",
];

function flattenSnapshot(snapshot: Record<string, unknown> | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!snapshot) return out;
  for (const [key, value] of Object.entries(snapshot)) {
    if (key === "details" && value && typeof value === "object" && !Array.isArray(value)) {
      for (const [dk, dv] of Object.entries(value as Record<string, unknown>)) out.set(`details.${dk}`, dv);
    } else {
      out.set(key, value);
    }
  }
  return out;
}

function snapshotOrder(key: string): number {
  const [head, second] = key.split(".");
  const top = SNAPSHOT_ORDER.indexOf(head);
  const base = (top === -1 ? SNAPSHOT_ORDER.length : top) * 100;
  if (head !== "details") return base;
  return base + (isDetailField(second) ? DETAIL_FIELDS.indexOf(second) : DETAIL_FIELDS.length);
}

export interface ComparisonRow {
  key: string;
  before: unknown;
  after: unknown;
  isChanged: boolean;
}

/**
 * The rows of a revision beside the one before it (null for the first submission): every field of
 * either, details field by field, in form order. The currency appears only when it changed.
 */
export function comparisonRows(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  changed: readonly string[],
): ComparisonRow[] {
  const a = flattenSnapshot(before);
  const b = flattenSnapshot(after);
  const changedSet = new Set(changed);
  const keys = [...new Set([...a.keys(), ...b.keys()])]
    .filter((key) => key !== "currency" || changedSet.has(key))
    .sort((x, y) => snapshotOrder(x) - snapshotOrder(y) || x.localeCompare(y));
  return keys.map((key) => ({ key, before: a.get(key), after: b.get(key), isChanged: changedSet.has(key) }));
}

/** A snapshot value for reading; null when empty. */
export function formatSnapshotValue(
  key: string,
  value: unknown,
  ctx: { t: Translate; locale: Locale; currency: string; programName: (id: string) => string },
): string | null {
  if (value === undefined || value === null || value === "") return null;
  const { t, locale } = ctx;
  const [head, second] = key.split(".");
  if (head === "details") return isDetailField(second) ? formatDetailValue(second, value, t, locale) : String(value);
  switch (head) {
    case "primaryLocale":
      return value === "en" || value === "es" ? t(`requests.languageNames.${value}`) : String(value);
    case "category":
      return isCategory(value) ? t(`common.categories.${value}`) : String(value);
    case "estimatedCostMinor":
      return typeof value === "number" ? formatMoney(value, ctx.currency, locale) : String(value);
    case "urgency":
      return value === "low" || value === "medium" || value === "high" || value === "critical"
        ? t(`requests.urgency.${value}`)
        : String(value);
    case "desiredStartOn":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDate(value, locale) : String(value);
    case "programIds":
      if (!Array.isArray(value)) return String(value);
      return value.length ? value.map((id) => ctx.programName(String(id))).join("\n") : null;
    case "attachments":
      if (!Array.isArray(value)) return String(value);
      return value.length ? value.map(String).join("\n") : null;
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

// ---- creation key -----------------------------------------------------------------------------

type CryptoLike = { getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>; randomUUID?: () => string };

/**
 * A random UUID v4 for a new request's creation key. crypto.randomUUID exists only in secure contexts
 * (HTTPS or localhost), so plain-HTTP intranet deployments fall back to getRandomValues.
 */
export function newCreationKey(cryptoImpl: CryptoLike = globalThis.crypto): string {
  if (typeof cryptoImpl.randomUUID === "function") return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
