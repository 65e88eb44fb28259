import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { localeEnum } from "./enums";
import { OUTBOX_STATUSES } from "../../lib/enums";

export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    template: text("template").notNull(),
    toEmail: text("to_email").notNull(),
    locale: localeEnum("locale").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    transport: text("transport", { enum: ["resend", "local"] }),
    providerMessageId: text("provider_message_id"),
    // What was sent, kept for the local mailbox and for support.
    subject: text("subject"),
    html: text("html"),
    text: text("text"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_to_idx").on(t.toEmail, t.createdAt),
  ],
);
