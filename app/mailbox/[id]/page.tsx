import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getMailboxMail, isMailboxEnabled, type MailboxMail, type MailboxStatus } from "@/lib/email/queries";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

const STATUS_BADGE: Record<MailboxStatus, string> = {
  queued: "badge",
  sent: "badge badge-success",
  failed: "badge badge-danger",
};

type Props = { params: Promise<{ id: string }> };

// Once per request: generateMetadata and the page both need the mail.
const findMail = cache(async (id: string): Promise<MailboxMail | null> => {
  try {
    return await getMailboxMail(id);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!isMailboxEnabled()) return {};
  const [{ t }, mail] = await Promise.all([getI18n(), params.then(({ id }) => findMail(id))]);
  return { title: `${mail?.subject ?? t("email.mailbox.title")} · ${t("email.mailbox.title")}` };
}

/** One mail of the demo mailbox, with its links as plain anchors above the mail itself. */
export default async function MailboxMailPage({ params }: Props) {
  if (!isMailboxEnabled()) notFound();
  const { id } = await params;
  const mail = await findMail(id);
  if (!mail) notFound();
  const { t, locale } = await getI18n();
  const time = mail.sentAt ?? mail.createdAt;

  return (
    <div className="stack">
      <p>
        <Link href="/mailbox">{t("email.mailbox.back")}</Link>
      </p>
      <h1>{mail.subject ?? "—"}</h1>
      <dl className="detail-grid detail-grid-compact">
        <dt className="text-strong">{t("email.mailbox.columns.to")}</dt>
        <dd className="m-0" data-testid="mail-to">
          {mail.to}
        </dd>
        <dt className="text-strong">{t("email.mailbox.columns.time")}</dt>
        <dd className="m-0">
          <time dateTime={time.toISOString()}>{formatDateTime(time, locale)} UTC</time>
        </dd>
        <dt className="text-strong">{t("email.mailbox.columns.status")}</dt>
        <dd className="m-0">
          <span className={STATUS_BADGE[mail.status]}>{t(`email.mailbox.status.${mail.status}`)}</span>
        </dd>
      </dl>

      {mail.status === "queued" ? (
        <p className="alert alert-info" role="status">
          {t("email.mailbox.queued")}
        </p>
      ) : null}
      {mail.status === "failed" ? <p className="alert alert-error">{t("email.mailbox.failed")}</p> : null}

      {mail.html !== null ? (
        <>
          <section aria-labelledby="mail-links-title">
            <h2 id="mail-links-title">{t("email.mailbox.linksTitle")}</h2>
            {mail.links.length > 0 ? (
              <ul>
                {mail.links.map((url) => (
                  <li key={url}>
                    <a href={url} data-testid="mail-link" className="break-all">
                      {t("email.mailbox.openLink", { url })}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("email.mailbox.noLinks")}</p>
            )}
          </section>

          <section aria-labelledby="mail-html-title">
            <h2 id="mail-html-title">{t("email.mailbox.htmlTitle")}</h2>
            {/* Scripts, forms and same-origin access stay off; a click on a link may open it as a normal page. */}
            <iframe
              title={t("email.mailbox.htmlTitle")}
              srcDoc={mail.html}
              sandbox="allow-top-navigation-by-user-activation allow-popups allow-popups-to-escape-sandbox"
              referrerPolicy="no-referrer"
              className="mail-frame"
            />
          </section>

          {mail.text ? (
            <details>
              <summary>{t("email.mailbox.textTitle")}</summary>
              <pre className="mail-text" data-testid="mail-text">
                {mail.text}
              </pre>
            </details>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
