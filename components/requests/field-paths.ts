// The request form's field paths ("titleEs", "details.sites", "programIds.0"): their labels, their
// order on the form, and react-hook-form's error tree flattened into that order for the error summary.
import type { MessageKey } from "@/lib/i18n/translate";
import { DETAIL_FIELDS, isDetailField } from "./detail-fields";

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

