// The reminder job: mails the people of an award 14 and 3 days before a report or a deliverable is due,
// and once it is overdue. Runs inside the server on an interval (worker.ts) and as a command against a
// PostgreSQL server (cli.ts). Imports nothing "server-only": the command runs under tsx, outside Next.js.
import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { awardDeliverables, awards, outbox, progressReports, remindersSent, reportingPeriods } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import type { TemplatePayloads } from "@/lib/email/templates/payloads";
import { addDays, todayIso } from "@/lib/dates";
import { getEnv } from "@/lib/config/env";
import { recipientsOf } from "@/lib/users/recipients";
import { reminderKindFor, type ReminderKind } from "./schedule";

export interface RunRemindersOptions {
  db: Db;
  /** The calendar day to run for ("YYYY-MM-DD", UTC); today by default. */
  today?: string;
  /** The portal's origin for links; AUTH_URL by default. */
  baseUrl?: string;
}

export interface RunRemindersResult {
  /** Reminders this run sent (inserted into reminders_sent); each once, whatever other runs do. */
  reminders: number;
  /** Mails written to the outbox. */
  mails: number;
  /** Due dates that called for a reminder already sent by an earlier (or parallel) run. */
  skipped: number;
}

interface Subject {
  subjectType: "report" | "deliverable";
  subjectId: string;
  dueOn: string;
  kind: ReminderKind;
  award: { id: string; reference: string; countryIso2: string; implementingPartnerId: string };
  title: string;
  periodNumber: number | null;
}

export function baseUrlFromEnv(): string {
  const configured = getEnv().AUTH_URL;
  return configured ? new URL(configured).origin : "http://localhost:3000";
}

/** Reports of active awards' periods due within 14 days or past due, not accepted nor awaiting review. */
async function reportSubjects(db: Db, today: string): Promise<Subject[]> {
  const rows = await db
    .select({
      id: reportingPeriods.id,
      number: reportingPeriods.number,
      dueOn: reportingPeriods.dueOn,
      award: { id: awards.id, reference: awards.reference, countryIso2: awards.countryIso2, implementingPartnerId: awards.implementingPartnerId },
    })
    .from(reportingPeriods)
    .innerJoin(awards, eq(awards.id, reportingPeriods.awardId))
    .leftJoin(progressReports, eq(progressReports.periodId, reportingPeriods.id))
    .where(
      and(
        eq(awards.status, "active"),
        sql`${reportingPeriods.dueOn} <= ${addDays(today, 14)}::date`,
        // Nothing to remind of once the report is with the office (submitted) or accepted.
        or(sql`${progressReports.id} IS NULL`, inArray(progressReports.status, ["draft", "returned"])),
      ),
    );
  return rows.flatMap((r) => {
    const kind = reminderKindFor(r.dueOn, today);
    return kind ? [{ subjectType: "report" as const, subjectId: r.id, dueOn: r.dueOn, kind, award: r.award, title: "", periodNumber: r.number }] : [];
  });
}

/** Deliverables of active awards due within 14 days or past due, pending or returned. */
async function deliverableSubjects(db: Db, today: string): Promise<Subject[]> {
  const rows = await db
    .select({
      id: awardDeliverables.id,
      title: awardDeliverables.title,
      dueOn: awardDeliverables.dueOn,
      award: { id: awards.id, reference: awards.reference, countryIso2: awards.countryIso2, implementingPartnerId: awards.implementingPartnerId },
    })
    .from(awardDeliverables)
    .innerJoin(awards, eq(awards.id, awardDeliverables.awardId))
    .where(
      and(
        eq(awards.status, "active"),
        sql`${awardDeliverables.dueOn} <= ${addDays(today, 14)}::date`,
        // A submitted deliverable waits for the office, an accepted one is done: no reminder for either.
        ne(awardDeliverables.status, "accepted"),
        ne(awardDeliverables.status, "submitted"),
      ),
    );
  return rows.flatMap((r) => {
    const kind = reminderKindFor(r.dueOn, today);
    return kind ? [{ subjectType: "deliverable" as const, subjectId: r.id, dueOn: r.dueOn, kind, award: r.award, title: r.title, periodNumber: null }] : [];
  });
}

/** The award's country focal points and partner users, active, once each, with their language. */
async function awardRecipients(tx: DbOrTx, award: Subject["award"]): Promise<{ email: string; locale: Locale }[]> {
  return recipientsOf(tx, { role: "focal_point", country: award.countryIso2 }, { role: "implementing_partner", organization: award.implementingPartnerId });
}

// The outbox row as lib/email/outbox.ts writes it (that module is server-only, this one runs under tsx too).
async function enqueue<T extends "reminder-report" | "reminder-deliverable">(tx: DbOrTx, template: T, to: string, locale: Locale, payload: TemplatePayloads[T]) {
  await tx.insert(outbox).values({ template, toEmail: to.trim().toLowerCase(), locale, payload: payload as unknown as Record<string, unknown> });
}

/**
 * Sends the reminders due on `today`. Each reminder is claimed by inserting its row into reminders_sent
 * (unique per subject, due date and kind) with ON CONFLICT DO NOTHING, and its mails are written to the
 * outbox in the same transaction only when this run inserted the row: a second run, or two runs at once
 * (a parallel insert waits for the first to commit, then finds the row), send nothing more. A due date
 * that moves gets its reminders again, for the new date.
 */
export async function runReminders(options: RunRemindersOptions): Promise<RunRemindersResult> {
  const { db } = options;
  const today = options.today ?? todayIso();
  const baseUrl = options.baseUrl ?? baseUrlFromEnv();
  const subjects = [...(await reportSubjects(db, today)), ...(await deliverableSubjects(db, today))];
  const result: RunRemindersResult = { reminders: 0, mails: 0, skipped: 0 };
  for (const s of subjects) {
    const mails = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(remindersSent)
        .values({ subjectType: s.subjectType, subjectId: s.subjectId, dueOn: s.dueOn, kind: s.kind })
        .onConflictDoNothing()
        .returning({ id: remindersSent.id });
      if (claimed.length === 0) return null;
      const url = `${baseUrl}/awards/${s.award.id}`;
      let sent = 0;
      for (const r of await awardRecipients(tx, s.award)) {
        if (s.subjectType === "report") {
          await enqueue(tx, "reminder-report", r.email, r.locale, { reference: s.award.reference, periodNumber: s.periodNumber ?? 0, dueOn: s.dueOn, kind: s.kind, url });
        } else {
          await enqueue(tx, "reminder-deliverable", r.email, r.locale, { reference: s.award.reference, title: s.title, dueOn: s.dueOn, kind: s.kind, url });
        }
        sent++;
      }
      return sent;
    });
    if (mails === null) result.skipped++;
    else {
      result.reminders++;
      result.mails += mails;
    }
  }
  return result;
}
