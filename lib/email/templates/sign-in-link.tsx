import { z } from "zod";
import { plural } from "@/lib/i18n/plural";
import type { TemplatePayloads } from "./payloads";
import { isHttpUrl, MailButton, MailLayout, Paragraph, PlainLink, textLayout, type MailTemplate } from "./layout";

type Payload = TemplatePayloads["sign-in-link"];

/** The one-time sign-in link Auth.js asks for; the recipient is an existing, active account. */
export const signInLinkMail: MailTemplate<Payload> = {
  schema: z.object({
    url: z.string().refine(isHttpUrl, "not an http(s) URL"),
    minutes: z.number().int().positive(),
  }),

  subject: ({ t }) => t("email.signInLink.subject"),

  Html: ({ locale, t, payload }) => (
    <MailLayout
      locale={locale}
      t={t}
      title={t("email.signInLink.subject")}
      preview={plural(t, locale, "email.signInLink.preview", payload.minutes)}
    >
      <Paragraph>{t("email.signInLink.greeting")}</Paragraph>
      <Paragraph>{t("email.signInLink.intro")}</Paragraph>
      <MailButton href={payload.url}>{t("email.signInLink.button")}</MailButton>
      <Paragraph>
        {t("email.signInLink.plainLink")}
        <br />
        <PlainLink href={payload.url} />
      </Paragraph>
      <Paragraph>{plural(t, locale, "email.signInLink.expiry", payload.minutes)}</Paragraph>
      <Paragraph muted>{t("email.signInLink.ignore")}</Paragraph>
    </MailLayout>
  ),

  text: (ctx, payload) => {
    const { t, locale } = ctx;
    return textLayout(ctx, [
      t("email.signInLink.greeting"),
      t("email.signInLink.intro"),
      `${t("email.signInLink.button")}: ${payload.url}`,
      plural(t, locale, "email.signInLink.expiry", payload.minutes),
      t("email.signInLink.ignore"),
    ]);
  },
};
