import {
  index,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

// One row per upload being read, so that the per-user cap on parallel uploads holds across every instance.
// A slot a crashed process never released stops counting at `expires_at` (decision 0014).
export const uploadSlots = pgTable(
  "upload_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("upload_slots_user_idx").on(t.userId, t.expiresAt)],
);
