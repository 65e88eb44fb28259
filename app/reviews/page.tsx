import Link from "next/link";
import { notFound } from "next/navigation";
import { displayTitle, statusBadgeClass } from "@/components/requests/request-display";
import { localName, reviewStatusBadgeClass } from "@/components/reviews/review-format";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { formatDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { listMyAssignments } from "@/lib/reviews/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("reviews.list.title")} · ${t("common.appName")}` };
}

/** The reviewer's assignments, newest first, recused ones included as such. Reviewers; anyone else gets a 404. */
export default async function ReviewsPage() {
  const user = await requireUser();
  if (!hasPermission(user, "reviews.score")) notFound();
  const [rows, { t, locale }] = await Promise.all([listMyAssignments(user), getI18n()]);

  return (
    <div className="stack">
      <h1>{t("reviews.list.title")}</h1>
      <p className="muted">{t("reviews.list.intro")}</p>
      {rows.length === 0 ? (
        <p className="muted">{t("reviews.list.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="my-reviews">
            <caption className="muted">
              {t("reviews.list.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("reviews.list.columns.reference")}</th>
                <th scope="col">{t("reviews.list.columns.title")}</th>
                <th scope="col">{t("reviews.list.columns.program")}</th>
                <th scope="col">{t("reviews.list.columns.requestStatus")}</th>
                <th scope="col">{t("reviews.list.columns.reviewStatus")}</th>
                <th scope="col">{t("reviews.list.columns.assignedOn")}</th>
                <th scope="col">{t("reviews.list.columns.action")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const title = displayTitle(row, locale);
                return (
                  <tr key={row.id}>
                    <td>{row.reference}</td>
                    <td lang={title?.lang}>{title?.text ?? <span className="muted">{t("reviews.list.untitled")}</span>}</td>
                    <td>{row.program ? localName(row.program, locale) : <span className="muted">{t("reviews.list.noProgram")}</span>}</td>
                    <td>
                      <span className={statusBadgeClass(row.requestStatus)}>{t(`requests.status.${row.requestStatus}`)}</span>
                    </td>
                    <td>
                      <span className={reviewStatusBadgeClass(row.status)}>{t(`reviews.status.${row.status}`)}</span>
                    </td>
                    <td>
                      <time dateTime={row.createdAt.toISOString()}>{formatDate(row.createdAt, locale)}</time>
                    </td>
                    <td>
                      <Link href={`/reviews/${encodeURIComponent(row.id)}`} aria-label={t("reviews.list.openLabel", { reference: row.reference })}>
                        {t("reviews.list.open")}
                      </Link>
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
