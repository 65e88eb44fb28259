import Link from "next/link";
import type { LateDeliverable } from "@/lib/deliverables/queries";
import { formatDate } from "@/lib/i18n/format";
import { plural } from "@/lib/i18n/plural";
import { getI18n } from "@/lib/i18n/server";
import type { OverdueRow } from "@/lib/reporting/queries";

/**
 * Overdue progress reports and late deliverables, for the people who act on them: officers, the
 * award's country focal points and its implementing partner (the page loads them only for those):
 * how many there are, and the first few of each (the oldest). Nothing when there are none.
 */
export async function NeedsAttention({
  reports,
  reportsTotal,
  deliverables,
  deliverablesTotal,
}: {
  reports: OverdueRow[];
  reportsTotal: number;
  deliverables: LateDeliverable[];
  deliverablesTotal: number;
}) {
  if (reports.length === 0 && deliverables.length === 0) return null;
  const { t, locale } = await getI18n();
  return (
    <section className="card stack" aria-labelledby="needs-attention" data-testid="needs-attention">
      <h2 id="needs-attention">{t("home.attention.title")}</h2>
      {reports.length > 0 ? (
        <>
          <h3>{plural(t, locale, "home.attention.reports", reportsTotal)}</h3>
          <ul>
            {reports.map((r) => (
              <li key={`${r.awardId}-${r.periodNumber}`}>
                <Link href={`/awards/${r.awardId}/reports/${r.periodNumber}`}>
                  {t("home.attention.reportLine", { reference: r.reference, period: r.periodNumber })}
                </Link>{" "}
                <span className="badge badge-danger">{t("home.attention.overdueSince", { date: formatDate(r.dueOn, locale) })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {deliverables.length > 0 ? (
        <>
          <h3>{plural(t, locale, "home.attention.deliverables", deliverablesTotal)}</h3>
          <ul>
            {deliverables.map((d) => (
              <li key={d.id}>
                <Link href={`/awards/${d.award.id}`}>
                  {d.award.reference}: {d.title}
                </Link>{" "}
                <span className="badge badge-danger">{t("home.attention.lateSince", { date: formatDate(d.dueOn, locale) })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
