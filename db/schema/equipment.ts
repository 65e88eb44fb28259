import {
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { awards } from "./awards";

/** Equipment delivered under an award. Never weapon serial numbers. */
export const equipmentItems = pgTable(
  "equipment_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    awardId: uuid("award_id").notNull().references(() => awards.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    model: text("model"),
    quantity: integer("quantity").notNull(),
    handoverOn: date("handover_on"),
    custodianAgency: text("custodian_agency").notNull(),
    condition: text("condition", { enum: ["new", "good", "fair", "poor", "unserviceable"] }).notNull().default("new"),
    createdById: text("created_by_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("equipment_items_award_idx").on(t.awardId, t.createdAt),
    index("equipment_items_created_by_idx").on(t.createdById),
  ],
);

/** End-use checks of an equipment item. */
export const equipmentChecks = pgTable(
  "equipment_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id").notNull().references(() => equipmentItems.id, { onDelete: "cascade" }),
    checkedOn: date("checked_on").notNull(),
    result: text("result", { enum: ["in_use_as_intended", "not_found", "misused", "unserviceable"] }).notNull(),
    note: text("note"),
    checkedById: text("checked_by_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("equipment_checks_item_idx").on(t.itemId, t.checkedOn),
    index("equipment_checks_checked_by_idx").on(t.checkedById),
  ],
);
