import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isMailboxEnabled, listMailbox, type MailboxStatus } from "@/lib/email/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

const STATUS_BADGE: Record<MailboxStatus, string> = {
  queued: "badge",
  sent: "badge badge-success",
  failed: "badge badge-danger",
};

export async function generateMetadata(): Promise<Metadata> {
  if (!isMailboxEnabled()) return {};
  const { t } = await getI18n();
  return { title: `${t("email.mailbox.title")} · ${t("common.appName")}` };
}

/** The demo mailbox: every mail the portal would have sent, newest first (demo mode without Resend only). */
export default async function MailboxPage() {
  if (!isMailboxEnabled()) notFound();
  const { t, locale } = await getI18n();
  const mails = await listMailbox({ limit: 100 });
  return (
    <div className="stack">
      <h1>{t("email.mailbox.title")}</h1>
      <p className="muted">{t("email.mailbox.intro")}</p>
      <p>
        <Link href="/mailbox" className="btn">
          {t("email.mailbox.refresh")}
        </Link>
      </p>
      {mails.length === 0 ? (
        <p role="status">{t("email.mailbox.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="mailbox-table">
            <caption className="muted small">
              {t("email.mailbox.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("email.mailbox.columns.to")}</th>
                <th scope="col">{t("email.mailbox.columns.subject")}</th>
                <th scope="col">{t("email.mailbox.columns.time")}</th>
                <th scope="col">{t("email.mailbox.columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => {
                const subject = mail.subject ?? "—";
                const time = mail.sentAt ?? mail.createdAt;
                return (
                  <tr key={mail.id} data-testid="mailbox-row">
                    <td>{mail.to}</td>
                    <td>
                      <Link
                        href={`/mailbox/${mail.id}`}
                        aria-label={t("email.mailbox.openMessage", { subject, to: mail.to })}
                      >
                        {subject}
                      </Link>
                    </td>
                    <td>
                      <time dateTime={time.toISOString()}>{formatDateTime(time, locale)} UTC</time>
                    </td>
                    <td>
                      <span className={STATUS_BADGE[mail.status]}>{t(`email.mailbox.status.${mail.status}`)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
