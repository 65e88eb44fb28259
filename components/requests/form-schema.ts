// The request form's browser check (zod), in a module of its own: the form imports it on demand
// (use-action-form.ts), so that zod is not part of what the page needs before it takes input.
import { z } from "zod";
import { requestDraftSchema, submitRequestSchema } from "@/lib/requests/schema";
import { toActionValues, type RequestFormValues } from "./form-values";

/**
 * The browser's check, following the button as the server does: a draft may be partial, a submission
 * must be complete. After a failed attempt, fields are checked again against that attempt's schema.
 */
export const requestFormSchema = z.looseObject({ submit: z.boolean() }).superRefine((state, ctx) => {
  const { submit, ...values } = state;
  const content = (submit ? submitRequestSchema : requestDraftSchema).safeParse(toActionValues(values as unknown as RequestFormValues));
  if (content.success) return;
  for (const issue of content.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
});
