import { formatMoney, formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { ProgramCandidate } from "@/lib/matching/queries";
import type { RankedProgram } from "@/lib/matching/rank";

/**
 * The programs that fund the request's country and category, ranked by fit (funds that cover the
 * cost first, then the smaller share of remaining funds, then the state's suggestions), with their
 * remaining funds. Program officers, while the request is open; renders nothing for anyone else (the
 * page passes null).
 */
export async function ProgramMatching({ data }: { data: { reference: string; ranked: RankedProgram<ProgramCandidate>[] } | null }) {
  if (!data) return null;
  const { t, locale } = await getI18n();
  return (
    <section className="card stack" aria-labelledby="matching-heading" data-testid="program-matching">
      <h2 id="matching-heading">{t("officer.matching.heading")}</h2>
      <p className="muted small">{t("officer.matching.intro")}</p>
      {data.ranked.length === 0 ? (
        <p>{t("officer.matching.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="muted small">
              {t("officer.matching.caption", { reference: data.reference })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("officer.matching.rank")}</th>
                <th scope="col">{t("officer.matching.program")}</th>
                <th scope="col">{t("officer.matching.remaining")}</th>
                <th scope="col">{t("officer.matching.share")}</th>
                <th scope="col">{t("officer.matching.fit")}</th>
              </tr>
            </thead>
            <tbody>
              {data.ranked.map((p) => (
                <tr key={p.id} data-testid={`matching-${p.id}`}>
                  <td>{p.rank}</td>
                  <th scope="row" className="text-plain text-strong">
                    {locale === "es" ? p.nameEs : p.nameEn}
                    {p.isSuggested ? (
                      <>
                        {" "}
                        <span className="badge">{t("officer.matching.suggested")}</span>
                      </>
                    ) : null}
                  </th>
                  <td>
                    {formatMoney(p.remainingMinor, p.currency, locale)}
                    {p.isDemoFigures ? <span className="muted small"> ({t("officer.screening.demoFigures")})</span> : null}
                  </td>
                  <td>
                    {p.shareOfRemaining === null || !Number.isFinite(p.shareOfRemaining)
                      ? t("officer.matching.shareUnknown")
                      : formatNumber(p.shareOfRemaining, locale, { style: "percent", maximumFractionDigits: 1 })}
                  </td>
                  <td>
                    <span className={p.isFundable ? "badge badge-success" : "badge badge-danger"}>
                      <span aria-hidden="true">{p.isFundable ? "✓ " : "✗ "}</span>
                      {p.isFundable ? t("officer.matching.fundable") : t("officer.matching.notFundable")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
