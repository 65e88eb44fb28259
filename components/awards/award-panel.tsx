import Link from "next/link";
import type { AwardPanelData } from "@/lib/awards/queries";
import { formatMoney } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { awardStatusBadgeClass } from "./award-labels";

/**
 * The award section of a request's page. For a program officer on an approved request: a link to create
 * the award. On an awarded request: links to its awards, for anyone who may see them (the program
 * office always; the state once the award is active). Otherwise it renders nothing. The page loads
 * the panel for the user (null when the request is not visible to them).
 */
export async function AwardPanel({ panel }: { panel: AwardPanelData | null }) {
  if (!panel || (!panel.canCreate && panel.awards.length === 0)) return null;
  const { t, locale } = await getI18n();
  const headingId = `award-panel-${panel.requestId}`;

  return (
    <section className="card stack" aria-labelledby={headingId} data-testid="award-panel">
      <h2 id={headingId}>{t("awards.panel.heading")}</h2>
      {panel.canCreate ? (
        <>
          <p>{t("awards.panel.createIntro")}</p>
          <p>
            <Link className="btn btn-primary" href={`/awards/new?request=${encodeURIComponent(panel.requestId)}`}>
              {t("awards.panel.create")}
            </Link>
          </p>
        </>
      ) : null}
      {panel.awards.length > 0 ? (
        <>
          <p>{t("awards.panel.awardedIntro")}</p>
          <ul>
            {panel.awards.map((award) => (
              <li key={award.id}>
                <Link href={`/awards/${encodeURIComponent(award.id)}`}>{award.reference}</Link>{" "}
                {t("awards.panel.awardLine", {
                  program: locale === "es" ? award.program.nameEs : award.program.nameEn,
                  amount: formatMoney(award.amountMinor, award.currency, locale),
                })}{" "}
                <span className={awardStatusBadgeClass(award.status)}>{t(`awards.status.${award.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
