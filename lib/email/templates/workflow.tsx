import { z } from "zod";
import { formatMoney } from "@/lib/i18n/format";
import type { TemplatePayloads } from "./payloads";
import { isHttpUrl, singleLine } from "./layout";
import { noticeMail } from "./notice";

const url = z.string().refine(isHttpUrl, "not an http(s) URL");
const line = (max = 200) => z.string().transform((v) => singleLine(v, max)).pipe(z.string().min(1));
const memo = z.string().max(20_000);
const names = z.object({ en: z.string().min(1), es: z.string().min(1) });

/** To a state's focal points: the program office asks for changes (the message keeps its line breaks). */
export const changesRequestedMail = noticeMail<TemplatePayloads["changes-requested"]>({
  schema: z.object({ reference: line(40), title: line(), message: memo, url }),
  subject: ({ t }, p) => t("email.workflow.changesRequested.subject", { reference: p.reference }),
  paragraphs: ({ t }, p) => [t("email.workflow.changesRequested.intro", { reference: p.reference, title: p.title }), p.message],
  button: ({ t }) => t("email.workflow.openRequest"),
});

/** To a state's focal points: the decision letter, with the decision memo, in the recipient's language. */
export const decisionLetterMail = noticeMail<TemplatePayloads["decision-letter"]>({
  schema: z.object({ reference: line(40), title: line(), decision: z.enum(["approve", "reject"]), memo, url }),
  subject: ({ t }, p) =>
    t(p.decision === "approve" ? "email.workflow.decision.subjectApproved" : "email.workflow.decision.subjectRejected", {
      reference: p.reference,
    }),
  paragraphs: ({ t }, p) => [
    t(p.decision === "approve" ? "email.workflow.decision.approved" : "email.workflow.decision.rejected", {
      reference: p.reference,
      title: p.title,
    }),
    p.memo,
  ],
  button: ({ t }) => t("email.workflow.openRequest"),
});

/** To a reviewer: a request is assigned for review. */
export const reviewAssignedMail = noticeMail<TemplatePayloads["review-assigned"]>({
  schema: z.object({ reference: line(40), title: line(), url }),
  subject: ({ t }, p) => t("email.workflow.reviewAssigned.subject", { reference: p.reference }),
  paragraphs: ({ t }, p) => [t("email.workflow.reviewAssigned.intro", { reference: p.reference, title: p.title })],
  button: ({ t }) => t("email.workflow.reviewAssigned.button"),
});

/** To a state's focal points and the implementing partner: an award is active. */
export const awardNoticeMail = noticeMail<TemplatePayloads["award-notice"]>({
  schema: z.object({ reference: line(40), programName: names, amountMinor: z.number().int().positive(), currency: z.string().length(3), url }),
  subject: ({ t }, p) => t("email.workflow.award.subject", { reference: p.reference }),
  paragraphs: ({ t, locale }, p) => [
    t("email.workflow.award.intro", { reference: p.reference, program: p.programName[locale], amount: formatMoney(p.amountMinor, p.currency, locale) }),
  ],
  button: ({ t }) => t("email.workflow.award.button"),
});

/** To approvers: an award above the program's threshold awaits a second approval. */
export const awardApprovalNeededMail = noticeMail<TemplatePayloads["award-approval-needed"]>({
  schema: z.object({ reference: line(40), programName: names, amountMinor: z.number().int().positive(), currency: z.string().length(3), url }),
  subject: ({ t }, p) => t("email.workflow.approvalNeeded.subject", { reference: p.reference }),
  paragraphs: ({ t, locale }, p) => [
    t("email.workflow.approvalNeeded.intro", { reference: p.reference, program: p.programName[locale], amount: formatMoney(p.amountMinor, p.currency, locale) }),
  ],
  button: ({ t }) => t("email.workflow.approvalNeeded.button"),
});

/** To the officers: a progress report was submitted and waits for review. */
export const reportSubmittedMail = noticeMail<TemplatePayloads["report-submitted"]>({
  schema: z.object({ reference: line(40), periodNumber: z.number().int().positive(), isFinal: z.boolean(), countryName: names, url }),
  subject: ({ t }, p) =>
    t(p.isFinal ? "email.workflow.reportSubmitted.subjectFinal" : "email.workflow.reportSubmitted.subject", { reference: p.reference, number: p.periodNumber }),
  paragraphs: ({ t, locale }, p) => [
    t("email.workflow.reportSubmitted.intro", { reference: p.reference, number: p.periodNumber, country: p.countryName[locale] }),
  ],
  button: ({ t }) => t("email.workflow.reportSubmitted.button"),
});

/** To the submitter and the country's focal points: a report is returned, with the officer's comment. */
export const reportReturnedMail = noticeMail<TemplatePayloads["report-returned"]>({
  schema: z.object({ reference: line(40), periodNumber: z.number().int().positive(), comment: memo, url }),
  subject: ({ t }, p) => t("email.workflow.reportReturned.subject", { reference: p.reference, number: p.periodNumber }),
  paragraphs: ({ t }, p) => [t("email.workflow.reportReturned.intro", { reference: p.reference, number: p.periodNumber }), p.comment],
  button: ({ t }) => t("email.workflow.reportReturned.button"),
});
