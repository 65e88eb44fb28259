// The zod schemas of the award page's delivery forms, by name: the same ones the mutations parse, so the
// browser and the server check with one set of rules. Server components name the schema; this module
// holds loaders of the schema objects on the client side (functions cannot cross the server/client
// boundary), so that zod loads after the page rather than with it (see use-action-form.ts).
import type { SchemaLoader } from "@/components/forms/use-action-form";

const deliverables = () => import("@/lib/deliverables/schema");
const equipment = () => import("@/lib/equipment/schema");
const tranches = () => import("@/lib/tranches/schema");

export const DELIVERY_FORM_SCHEMAS = {
  trancheCondition: () => tranches().then((m) => m.trancheConditionSchema),
  recordDisbursement: () => tranches().then((m) => m.recordDisbursementSchema),
  addDeliverable: () => deliverables().then((m) => m.addDeliverableSchema),
  submitDeliverable: () => deliverables().then((m) => m.submitDeliverableSchema),
  decideDeliverable: () => deliverables().then((m) => m.deliverableDecisionSchema),
  addEquipmentItem: () => equipment().then((m) => m.addEquipmentItemSchema),
  updateEquipmentCondition: () => equipment().then((m) => m.updateEquipmentConditionSchema),
  addEquipmentCheck: () => equipment().then((m) => m.addEquipmentCheckSchema),
} satisfies Record<string, SchemaLoader>;

export type DeliveryFormSchema = keyof typeof DELIVERY_FORM_SCHEMAS;
