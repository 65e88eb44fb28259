// A revision of a request beside the one before it: the rows to compare and their values for reading.
import type { Locale } from "@/lib/enums";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { DETAIL_FIELDS, formatDetailValue, isCategory, isDetailField } from "./detail-fields";

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

