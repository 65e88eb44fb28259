import { z } from "zod";
import { ROLES, type Role } from "@/lib/enums";
import type { Translate } from "@/lib/i18n/translate";
import type { TemplatePayloads } from "./payloads";
import { isHttpUrl, MailButton, MailLayout, Paragraph, PlainLink, singleLine, textLayout, type MailTemplate } from "./layout";

type Payload = TemplatePayloads["invitation"];

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Role keys in the recipient's language; an unknown value (from a newer release, say) shows as it is. */
function roleNames(t: Translate, roles: string[]): string[] {
  return roles.map((role) => (isRole(role) ? t(`common.roles.${role}`) : role));
}

/** Tells a newly provisioned user which roles an administrator gave them and where to sign in. */
export const invitationMail: MailTemplate<Payload> = {
  schema: z.object({
    inviterName: z.string().transform((name) => singleLine(name)).pipe(z.string().min(1)),
    signInUrl: z.string().refine(isHttpUrl, "not an http(s) URL"),
    roles: z.array(z.string().transform((role) => singleLine(role, 60)).pipe(z.string().min(1))).min(1),
  }),

  subject: ({ t }, payload) => t("email.invitation.subject", { inviterName: payload.inviterName }),

  Html: ({ locale, t, payload }) => (
    <MailLayout
      locale={locale}
      t={t}
      title={t("email.invitation.subject", { inviterName: payload.inviterName })}
      preview={t("email.invitation.preview")}
    >
      <Paragraph>{t("email.invitation.greeting")}</Paragraph>
      <Paragraph>{t("email.invitation.intro", { inviterName: payload.inviterName })}</Paragraph>
      <ul style={{ margin: "0 0 16px", paddingLeft: 24 }}>
        {roleNames(t, payload.roles).map((name, index) => (
          <li key={index} style={{ margin: "0 0 4px", fontWeight: 600 }}>
            {name}
          </li>
        ))}
      </ul>
      <Paragraph>{t("email.invitation.howToSignIn")}</Paragraph>
      <MailButton href={payload.signInUrl}>{t("email.invitation.button")}</MailButton>
      <Paragraph>
        {t("email.invitation.plainLink")}
        <br />
        <PlainLink href={payload.signInUrl} />
      </Paragraph>
      <Paragraph muted>{t("email.invitation.unexpected")}</Paragraph>
    </MailLayout>
  ),

  text: (ctx, payload) => {
    const { t } = ctx;
    return textLayout(ctx, [
      t("email.invitation.greeting"),
      [t("email.invitation.intro", { inviterName: payload.inviterName }), ...roleNames(t, payload.roles).map((name) => `- ${name}`)].join(
        "\n",
      ),
      t("email.invitation.howToSignIn"),
      `${t("email.invitation.button")}: ${payload.signInUrl}`,
      t("email.invitation.unexpected"),
    ]);
  },
};
