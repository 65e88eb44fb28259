import { loadForPanel } from "@/components/requests/load-for-panel";
import { listDecisions } from "@/lib/decisions/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

/**
 * The decision letters on a request (approved, rejected, changes requested) with their memos, as the
 * state received them; program staff also see who decided. Anyone who may see the request; renders
 * nothing for others or while there is no decision.
 */
export async function DecisionLetters({ requestId }: { requestId: string }) {
  const loaded = await loadForPanel((user) => listDecisions(user, requestId));
  if (!loaded || loaded.data.length === 0) return null;
  const { t, locale } = await getI18n();
  return (
    <section className="card stack" aria-labelledby="letters-heading" data-testid="decision-letters">
      <h2 id="letters-heading">{t("officer.letters.heading")}</h2>
      <p className="muted small">{t("officer.letters.intro")}</p>
      <ol className="stack" style={{ listStyle: "none", paddingLeft: 0 }}>
        {[...loaded.data].reverse().map((d) => (
          <li key={d.id} className="card" style={{ padding: "0.75rem 1rem" }} data-decision={d.decision}>
            <h3 style={{ margin: 0, fontSize: "1.05rem" }}>
              <span className={d.decision === "approve" ? "badge badge-success" : d.decision === "reject" ? "badge badge-danger" : "badge"}>
                {t(`officer.letters.${d.decision}`)}
              </span>
            </h3>
            <p className="small muted" style={{ margin: "0.3rem 0 0" }}>
              {t("officer.letters.sentOn", { date: `${formatDateTime(d.createdAt, locale)} UTC` })}
              {" · "}
              {d.decidedByName ? t("officer.letters.decidedBy", { name: d.decidedByName }) : t("officer.letters.programOffice")}
            </p>
            <p style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: "0.5rem 0 0" }}>{d.memo}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
