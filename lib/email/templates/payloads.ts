/** The data each mail template needs; the outbox stores it as JSON and the sender renders it. */
export interface TemplatePayloads {
  "sign-in-link": { url: string; minutes: number };
  invitation: { inviterName: string; signInUrl: string; roles: string[] };
  "passkeys-reset": { adminName: string; url: string };
  "request-submitted": {
    reference: string;
    title: string;
    countryNameEn: string;
    countryNameEs: string;
    category: string;
    revision: number;
    url: string;
  };
  "changes-requested": { reference: string; title: string; message: string; url: string };
  "decision-letter": { reference: string; title: string; decision: "approve" | "reject"; memo: string; url: string };
  "review-assigned": { reference: string; title: string; url: string };
  "award-notice": { reference: string; programName: { en: string; es: string }; amountMinor: number; currency: string; url: string };
  "award-approval-needed": { reference: string; programName: { en: string; es: string }; amountMinor: number; currency: string; url: string };
  "report-submitted": { reference: string; periodNumber: number; isFinal: boolean; countryName: { en: string; es: string }; url: string };
  "report-returned": { reference: string; periodNumber: number; comment: string; url: string };
  "deliverable-reviewed": { reference: string; title: string; decision: "accept" | "return"; comment: string; url: string };
  "disbursement-recorded": { reference: string; position: number; amountMinor: number; currency: string; disbursedOn: string; url: string };
  "reminder-report": { reference: string; periodNumber: number; dueOn: string; kind: "14_days" | "3_days" | "overdue"; url: string };
  "reminder-deliverable": { reference: string; title: string; dueOn: string; kind: "14_days" | "3_days" | "overdue"; url: string };
}
export type TemplateName = keyof TemplatePayloads;
