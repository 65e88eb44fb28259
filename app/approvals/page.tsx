import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserWithPermission } from "@/lib/auth/current-user";
import { listPendingApprovals } from "@/lib/awards/queries";
import { NotFoundError } from "@/lib/errors";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("awards.approvals.title")} · ${t("common.appName")}` };
}

/** The awards waiting for a second approval, and which of them this approver may approve. Approvers; else 404. */
export default async function ApprovalsPage() {
  const user = await requireUserWithPermission("awards.approve").catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { t, locale } = await getI18n();
  const rows = await listPendingApprovals(user);
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);

  return (
    <div className="stack">
      <h1>{t("awards.approvals.title")}</h1>
      <p className="muted">{t("awards.approvals.intro")}</p>
      {rows.length === 0 ? (
        <p className="muted" role="status">
          {t("awards.approvals.empty")}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="approvals-table">
            <caption className="muted">
              {t("awards.approvals.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("awards.approvals.columns.reference")}</th>
                <th scope="col">{t("awards.approvals.columns.program")}</th>
                <th scope="col">{t("awards.approvals.columns.partner")}</th>
                <th scope="col">{t("awards.approvals.columns.country")}</th>
                <th scope="col">{t("awards.approvals.columns.amount")}</th>
                <th scope="col">{t("awards.approvals.columns.createdBy")}</th>
                <th scope="col">{t("awards.approvals.columns.createdOn")}</th>
                <th scope="col">{t("awards.approvals.columns.action")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link href={`/awards/${encodeURIComponent(row.id)}`}>{row.reference}</Link>
                  </th>
                  <td>{name(row.program)}</td>
                  <td>{name(row.partner)}</td>
                  <td>{name(row.country)}</td>
                  <td className="nowrap">{formatMoney(row.amountMinor, row.currency, locale)}</td>
                  <td>{row.createdByName ?? t("awards.detail.unknownUser")}</td>
                  <td>{formatDate(row.createdAt, locale)}</td>
                  <td>
                    {row.canApprove ? (
                      <Link className="btn" href={`/awards/${encodeURIComponent(row.id)}`}>
                        {t("awards.approvals.open")}
                      </Link>
                    ) : row.approvalBlocker === "creator" || row.approvalBlocker === "reviewer" ? (
                      <span className="muted">{t(`awards.approvals.blocked.${row.approvalBlocker}`)}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
