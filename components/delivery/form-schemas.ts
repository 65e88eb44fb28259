// The zod schemas of the award page's delivery forms, by name: the same ones the mutations parse, so the
// browser and the server check with one set of rules. Server components name the schema; this module
// holds the schema objects on the client side (functions cannot cross the server/client boundary).
import { addDeliverableSchema, deliverableDecisionSchema, submitDeliverableSchema } from "@/lib/deliverables/schema";
import { addEquipmentCheckSchema, addEquipmentItemSchema, updateEquipmentConditionSchema } from "@/lib/equipment/schema";
import { recordDisbursementSchema, trancheConditionSchema } from "@/lib/tranches/schema";

export const DELIVERY_FORM_SCHEMAS = {
  trancheCondition: trancheConditionSchema,
  recordDisbursement: recordDisbursementSchema,
  addDeliverable: addDeliverableSchema,
  submitDeliverable: submitDeliverableSchema,
  decideDeliverable: deliverableDecisionSchema,
  addEquipmentItem: addEquipmentItemSchema,
  updateEquipmentCondition: updateEquipmentConditionSchema,
  addEquipmentCheck: addEquipmentCheckSchema,
} as const;

export type DeliveryFormSchema = keyof typeof DELIVERY_FORM_SCHEMAS;
