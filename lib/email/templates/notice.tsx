import { Fragment } from "react";
import type { z } from "zod";
import { MailButton, MailLayout, Paragraph, PlainLink, textLayout, type MailContext, type MailTemplate } from "./layout";

/**
 * A workflow notice: a subject, a few paragraphs (multi-line text such as a decision memo keeps its line
 * breaks) and a button to the record. Most of the portal's mails are of this shape.
 */
export function noticeMail<P extends { url: string }>(spec: {
  schema: z.ZodType<P>;
  subject: (ctx: MailContext, payload: P) => string;
  paragraphs: (ctx: MailContext, payload: P) => string[];
  button: (ctx: MailContext, payload: P) => string;
}): MailTemplate<P> {
  return {
    schema: spec.schema,
    subject: spec.subject,
    Html: ({ locale, t, payload }) => {
      const ctx = { locale, t };
      const subject = spec.subject(ctx, payload);
      const paragraphs = spec.paragraphs(ctx, payload);
      return (
        <MailLayout locale={locale} t={t} title={subject} preview={paragraphs[0] ?? subject}>
          {paragraphs.map((text, i) => (
            <Paragraph key={i}>
              {text.split("\n").map((line, j) => (
                <Fragment key={j}>
                  {j > 0 ? <br /> : null}
                  {line}
                </Fragment>
              ))}
            </Paragraph>
          ))}
          <MailButton href={payload.url}>{spec.button(ctx, payload)}</MailButton>
          <Paragraph muted>
            <PlainLink href={payload.url} />
          </Paragraph>
        </MailLayout>
      );
    },
    text: (ctx, payload) =>
      textLayout(ctx, [...spec.paragraphs(ctx, payload), `${spec.button(ctx, payload)}: ${payload.url}`]),
  };
}
