import { z } from "zod";
import type { TemplatePayloads } from "./payloads";
import { isHttpUrl, singleLine } from "./layout";
import { noticeMail } from "./notice";

/** To a staff user: an administrator reset their passkeys and ended their sessions (decision 0016). */
export const passkeysResetMail = noticeMail<TemplatePayloads["passkeys-reset"]>({
  schema: z.object({
    adminName: z.string().transform((name) => singleLine(name)).pipe(z.string().min(1)),
    url: z.string().refine(isHttpUrl, "not an http(s) URL"),
  }),
  subject: ({ t }) => t("passkeys.email.subject"),
  paragraphs: ({ t }, p) => [t("passkeys.email.intro", { adminName: p.adminName }), t("passkeys.email.next"), t("passkeys.email.unexpected")],
  button: ({ t }) => t("passkeys.email.button"),
});
