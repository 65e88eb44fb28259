// Turns an outbox row (template name, language, payload) into the subject, HTML and text of a mail.
// No "server-only" here: the standalone sender (tsx lib/email/sender-cli.ts) runs outside Next.js.
import { createElement } from "react";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { createTranslator } from "@/lib/i18n/translate";
import type { MailContext, MailTemplate } from "./templates/layout";
import { deliverableReviewedMail, disbursementRecordedMail, reminderDeliverableMail, reminderReportMail } from "./templates/delivery";
import { invitationMail } from "./templates/invitation";
import { passkeysResetMail } from "./templates/passkeys-reset";
import { requestSubmittedMail } from "./templates/request-submitted";
import {
  awardApprovalNeededMail,
  awardNoticeMail,
  changesRequestedMail,
  decisionLetterMail,
  reportReturnedMail,
  reportSubmittedMail,
  reviewAssignedMail,
} from "./templates/workflow";
import type { TemplateName, TemplatePayloads } from "./templates/payloads";
import { signInLinkMail } from "./templates/sign-in-link";

/**
 * Every template name in payloads.ts must map to a template for exactly that payload: adding a name
 * there without a template here (or the reverse) does not compile.
 */
const templates: { [K in TemplateName]: MailTemplate<TemplatePayloads[K]> } = {
  "sign-in-link": signInLinkMail,
  invitation: invitationMail,
  "passkeys-reset": passkeysResetMail,
  "deliverable-reviewed": deliverableReviewedMail,
  "disbursement-recorded": disbursementRecordedMail,
  "reminder-report": reminderReportMail,
  "reminder-deliverable": reminderDeliverableMail,
  "request-submitted": requestSubmittedMail,
  "changes-requested": changesRequestedMail,
  "decision-letter": decisionLetterMail,
  "review-assigned": reviewAssignedMail,
  "award-notice": awardNoticeMail,
  "award-approval-needed": awardApprovalNeededMail,
  "report-submitted": reportSubmittedMail,
  "report-returned": reportReturnedMail,
};

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** A stored mail that cannot be rendered: unknown template or language, or a payload of the wrong shape. */
export class MailRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MailRenderError";
  }
}

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(templates, value);
}

type RenderToStaticMarkup = (element: ReturnType<typeof createElement>) => string;
let renderer: Promise<RenderToStaticMarkup> | undefined;

// Imported on first use, not at the top: Next.js compiles instrumentation.ts (which starts the sender)
// as React Server Component code, where a static `import ... from "react-dom/server"` fails the build.
function loadRenderer(): Promise<RenderToStaticMarkup> {
  renderer ??= import("react-dom/server").then((mod) => {
    // A bundler may hand the CommonJS module over as `default` only.
    const fn = mod.renderToStaticMarkup ?? (mod.default as Partial<typeof mod.default> | undefined)?.renderToStaticMarkup;
    if (typeof fn !== "function") throw new Error("react-dom/server has no renderToStaticMarkup in this runtime");
    return fn;
  });
  return renderer.catch((error: unknown) => {
    renderer = undefined;
    throw error;
  });
}

function checkedPayload<T extends TemplateName>(template: T, payload: unknown): TemplatePayloads[T] {
  const entry: MailTemplate<TemplatePayloads[T]> = templates[template];
  const parsed = entry.schema.safeParse(payload);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".") || "payload"} (${issue.code})`).join(", ");
    throw new MailRenderError(`invalid payload for "${template}": ${fields}`);
  }
  return parsed.data;
}

/** The subject alone, without rendering the body (used to list mails still waiting in the outbox). */
export function renderSubject<T extends TemplateName>(template: T, locale: Locale, payload: TemplatePayloads[T]): string {
  const entry: MailTemplate<TemplatePayloads[T]> = templates[template];
  return entry.subject({ locale, t: createTranslator(locale) }, checkedPayload(template, payload));
}

/**
 * Renders a mail in the recipient's language. User-supplied values are escaped in the HTML by React
 * and written verbatim, on one line, in the subject and text.
 */
export async function renderMail<T extends TemplateName>(
  template: T,
  locale: Locale,
  payload: TemplatePayloads[T],
): Promise<RenderedMail> {
  const entry: MailTemplate<TemplatePayloads[T]> = templates[template];
  const data = checkedPayload(template, payload);
  const ctx: MailContext = { locale, t: createTranslator(locale) };
  const renderToStaticMarkup = await loadRenderer();
  const html = `<!DOCTYPE html>${renderToStaticMarkup(createElement(entry.Html, { ...ctx, payload: data }))}`;
  return { subject: entry.subject(ctx, data), html, text: entry.text(ctx, data) };
}

/** Renders what an outbox row holds, checking the stored template name and language first. */
export function renderStoredMail(template: string, locale: string, payload: unknown): Promise<RenderedMail> {
  if (!isTemplateName(template)) return Promise.reject(new MailRenderError(`unknown template "${template}"`));
  if (!isLocale(locale)) return Promise.reject(new MailRenderError(`unknown language "${locale}"`));
  return renderMail(template, locale, payload as TemplatePayloads[typeof template]);
}
