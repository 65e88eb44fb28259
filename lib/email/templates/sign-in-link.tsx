import { z } from "zod";
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
      preview={t("email.signInLink.preview", { minutes: payload.minutes })}
    >
      <Paragraph>{t("email.signInLink.greeting")}</Paragraph>
      <Paragraph>{t("email.signInLink.intro")}</Paragraph>
      <MailButton href={payload.url}>{t("email.signInLink.button")}</MailButton>
      <Paragraph>
        {t("email.signInLink.plainLink")}
        <br />
        <PlainLink href={payload.url} />
      </Paragraph>
      <Paragraph>{t("email.signInLink.expiry", { minutes: payload.minutes })}</Paragraph>
      <Paragraph muted>{t("email.signInLink.ignore")}</Paragraph>
    </MailLayout>
  ),

  text: (ctx, payload) => {
    const { t } = ctx;
    return textLayout(ctx, [
      t("email.signInLink.greeting"),
      t("email.signInLink.intro"),
      `${t("email.signInLink.button")}: ${payload.url}`,
      t("email.signInLink.expiry", { minutes: payload.minutes }),
      t("email.signInLink.ignore"),
    ]);
  },
};
