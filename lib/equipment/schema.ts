// Shared by the equipment forms (browser) and the server. Issue messages are message keys.
// The register never holds weapon serial numbers: there is no such field, and text that reads like one
// (a "serial"/"S/N" label) is refused with a message saying why.
import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import { dateField } from "@/lib/dates";
import "@/lib/forms/zod";

export const EQUIPMENT_CONDITIONS = ["new", "good", "fair", "poor", "unserviceable"] as const;
export const CHECK_RESULTS = ["in_use_as_intended", "not_found", "misused", "unserviceable"] as const;

export const EQUIPMENT_LIMITS = {
  kindMin: 2,
  kindMax: 120,
  modelMax: 120,
  quantityMin: 1,
  quantityMax: 100_000,
  custodianMin: 2,
  custodianMax: 200,
  noteMax: 2000,
} as const;

const SERIAL_HINT = /(\bserials?\b|\bs\/n\b|\bsn\s*[:#]|n[º°]\s*de\s+serie|\bno\.\s*de\s+serie|\bn[uú]meros?\s+de\s+serie\b)/i;

/** Whether free text looks like it carries serial numbers (a label such as "serial", "S/N", "nº de serie"). */
export function looksLikeSerialNumbers(text: string): boolean {
  return SERIAL_HINT.test(text);
}

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

const text = (min: number, max: number, shortKey: string, longKey: string) =>
  z.preprocess(
    trimmed,
    safeText(shortKey)
      .min(min, shortKey)
      .max(max, longKey)
      .refine((s) => !looksLikeSerialNumbers(s), "delivery.errors.serialNumbers"),
  );

const optionalText = (max: number, longKey: string) =>
  z.preprocess(
    (v) => (v === null || v === undefined ? "" : trimmed(v)),
    safeText(longKey)
      .max(max, longKey)
      .refine((s) => !looksLikeSerialNumbers(s), "delivery.errors.serialNumbers"),
  );

const quantity = z.preprocess(
  (v) => (typeof v === "string" && /^\s*\d{1,7}\s*$/.test(v) ? Number(v) : v),
  z
    .number("delivery.errors.quantity")
    .int("delivery.errors.quantity")
    .min(EQUIPMENT_LIMITS.quantityMin, "delivery.errors.quantity")
    .max(EQUIPMENT_LIMITS.quantityMax, "delivery.errors.quantity"),
);

const optionalDate = z.preprocess((v) => (v === null || v === undefined || (typeof v === "string" && v.trim() === "") ? undefined : v), dateField.optional());

export const addEquipmentItemSchema = z.strictObject({
  kind: text(EQUIPMENT_LIMITS.kindMin, EQUIPMENT_LIMITS.kindMax, "delivery.errors.kindShort", "delivery.errors.kindLong"),
  model: optionalText(EQUIPMENT_LIMITS.modelMax, "delivery.errors.modelLong"),
  quantity,
  handoverOn: optionalDate,
  custodianAgency: text(EQUIPMENT_LIMITS.custodianMin, EQUIPMENT_LIMITS.custodianMax, "delivery.errors.custodianShort", "delivery.errors.custodianLong"),
  condition: z.enum(EQUIPMENT_CONDITIONS, "delivery.errors.condition").default("new"),
});
export type AddEquipmentItemInput = z.output<typeof addEquipmentItemSchema>;

export const updateEquipmentConditionSchema = z.strictObject({
  condition: z.enum(EQUIPMENT_CONDITIONS, "delivery.errors.condition"),
});

export const addEquipmentCheckSchema = z.strictObject({
  checkedOn: dateField,
  result: z.enum(CHECK_RESULTS, "delivery.errors.checkResult"),
  note: optionalText(EQUIPMENT_LIMITS.noteMax, "delivery.errors.noteLong"),
});
export type AddEquipmentCheckInput = z.output<typeof addEquipmentCheckSchema>;
