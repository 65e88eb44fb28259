/** The data each mail template needs; the outbox stores it as JSON and the sender renders it. */
export interface TemplatePayloads {
  "sign-in-link": { url: string; minutes: number };
  invitation: { inviterName: string; signInUrl: string; roles: string[] };
  "request-submitted": {
    reference: string;
    title: string;
    countryNameEn: string;
    countryNameEs: string;
    category: string;
    revision: number;
    url: string;
  };
}
export type TemplateName = keyof TemplatePayloads;
