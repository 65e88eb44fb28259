import "server-only";
import type { DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import type { TemplateName, TemplatePayloads } from "./templates/payloads";

export interface MailInput<T extends TemplateName> {
  template: T;
  to: string;
  locale: Locale;
  payload: TemplatePayloads[T];
}

/**
 * Writes a mail to the outbox. Call it with the transaction of the event that causes the mail, so the
 * mail exists exactly when the event does; the sender delivers it later.
 */
export async function enqueueMail<T extends TemplateName>(tx: DbOrTx, mail: MailInput<T>): Promise<string> {
  const [row] = await tx
    .insert(outbox)
    .values({
      template: mail.template,
      toEmail: mail.to.trim().toLowerCase(),
      locale: mail.locale,
      payload: mail.payload as unknown as Record<string, unknown>,
    })
    .returning({ id: outbox.id });
  return row.id;
}
