import { z } from "zod";
import { ASSISTANCE_CATEGORIES, type AssistanceCategory } from "@/lib/enums";
import type { TemplatePayloads } from "./payloads";
import { isHttpUrl, MailButton, MailLayout, Paragraph, PlainLink, singleLine, textLayout, type MailTemplate } from "./layout";

type Payload = TemplatePayloads["request-submitted"];

const isCategory = (value: string): value is AssistanceCategory => (ASSISTANCE_CATEGORIES as readonly string[]).includes(value);

/** Tells program officers that a state submitted (or resubmitted) a request. */
export const requestSubmittedMail: MailTemplate<Payload> = {
  schema: z.object({
    reference: z.string().transform((v) => singleLine(v, 40)).pipe(z.string().min(1)),
    title: z.string().transform((v) => singleLine(v, 200)).pipe(z.string().min(1)),
    countryNameEn: z.string().min(1),
    countryNameEs: z.string().min(1),
    category: z.string(),
    revision: z.number().int().min(1),
    url: z.string().refine(isHttpUrl, "not an http(s) URL"),
  }),

  subject: ({ t, locale }, p) =>
    t(p.revision > 1 ? "email.requestSubmitted.subjectResubmitted" : "email.requestSubmitted.subject", {
      reference: p.reference,
      country: locale === "es" ? p.countryNameEs : p.countryNameEn,
    }),

  Html: ({ locale, t, payload: p }) => {
    const country = locale === "es" ? p.countryNameEs : p.countryNameEn;
    const category = isCategory(p.category) ? t(`common.categories.${p.category}`) : p.category;
    const subjectKey = p.revision > 1 ? "email.requestSubmitted.subjectResubmitted" : "email.requestSubmitted.subject";
    return (
      <MailLayout locale={locale} t={t} title={t(subjectKey, { reference: p.reference, country })} preview={p.title}>
        <Paragraph>{t("email.requestSubmitted.intro", { country, reference: p.reference })}</Paragraph>
        <Paragraph>
          <strong>{p.title}</strong>
          <br />
          {category}
        </Paragraph>
        <MailButton href={p.url}>{t("email.requestSubmitted.button")}</MailButton>
        <Paragraph>
          <PlainLink href={p.url} />
        </Paragraph>
      </MailLayout>
    );
  },

  text: (ctx, p) => {
    const { t, locale } = ctx;
    const country = locale === "es" ? p.countryNameEs : p.countryNameEn;
    const category = isCategory(p.category) ? t(`common.categories.${p.category}`) : p.category;
    return textLayout(ctx, [
      t("email.requestSubmitted.intro", { country, reference: p.reference }),
      `${p.title}\n${category}`,
      `${t("email.requestSubmitted.button")}: ${p.url}`,
    ]);
  },
};
