// Notices of award delivery: decisions on deliverables, disbursements, and the reminder job's mails.
// No "server-only" (the reminder command renders nothing, but the sender imports every template).
import { z } from "zod";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { select } from "@/lib/i18n/select";
import type { TemplatePayloads } from "./payloads";
import { isHttpUrl, singleLine } from "./layout";
import { noticeMail } from "./notice";

const url = z.string().refine(isHttpUrl, "not an http(s) URL");
const line = (max = 200) => z.string().transform((v) => singleLine(v, max)).pipe(z.string().min(1));
const memo = z.string().max(20_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const reminderKind = z.enum(["14_days", "3_days", "overdue"]);

/** To a state's focal points and the implementing partner: the office accepted or returned a deliverable. */
export const deliverableReviewedMail = noticeMail<TemplatePayloads["deliverable-reviewed"]>({
  schema: z.object({ reference: line(40), title: line(), decision: z.enum(["accept", "return"]), comment: memo, url }),
  subject: ({ t }, p) => select(t, "email.workflow.deliverable.subject", p.decision, { reference: p.reference }),
  paragraphs: ({ t }, p) => [
    select(t, "email.workflow.deliverable.body", p.decision, { reference: p.reference, title: p.title }),
    ...(p.comment.trim() ? [p.comment] : []),
  ],
  button: ({ t }) => t("email.workflow.award.button"),
});

/** To a state's focal points and the implementing partner: a tranche was disbursed. */
export const disbursementRecordedMail = noticeMail<TemplatePayloads["disbursement-recorded"]>({
  schema: z.object({
    reference: line(40),
    position: z.number().int().positive(),
    amountMinor: z.number().int().positive(),
    currency: z.string().length(3),
    disbursedOn: isoDate,
    url,
  }),
  subject: ({ t }, p) => t("email.workflow.disbursement.subject", { reference: p.reference }),
  paragraphs: ({ t, locale }, p) => [
    t("email.workflow.disbursement.intro", {
      reference: p.reference,
      position: p.position,
      amount: formatMoney(p.amountMinor, p.currency, locale),
      date: formatDate(p.disbursedOn, locale),
    }),
  ],
  button: ({ t }) => t("email.workflow.award.button"),
});

/** To a state's focal points and the implementing partner: a progress report is due soon, or overdue. */
export const reminderReportMail = noticeMail<TemplatePayloads["reminder-report"]>({
  schema: z.object({ reference: line(40), periodNumber: z.number().int().nonnegative(), dueOn: isoDate, kind: reminderKind, url }),
  subject: ({ t }, p) => t(`email.workflow.reminder.report.subject_${p.kind}`, { reference: p.reference, number: p.periodNumber }),
  paragraphs: ({ t, locale }, p) => [
    t(`email.workflow.reminder.report.intro_${p.kind}`, { reference: p.reference, number: p.periodNumber, date: formatDate(p.dueOn, locale) }),
    t("email.workflow.reminder.footer"),
  ],
  button: ({ t }) => t("email.workflow.award.button"),
});

/** To a state's focal points and the implementing partner: a deliverable is due soon, or overdue. */
export const reminderDeliverableMail = noticeMail<TemplatePayloads["reminder-deliverable"]>({
  schema: z.object({ reference: line(40), title: line(), dueOn: isoDate, kind: reminderKind, url }),
  subject: ({ t }, p) => t(`email.workflow.reminder.deliverable.subject_${p.kind}`, { reference: p.reference }),
  paragraphs: ({ t, locale }, p) => [
    t(`email.workflow.reminder.deliverable.intro_${p.kind}`, { reference: p.reference, title: p.title, date: formatDate(p.dueOn, locale) }),
    t("email.workflow.reminder.footer"),
  ],
  button: ({ t }) => t("email.workflow.award.button"),
});
