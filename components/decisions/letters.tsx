import type { DecisionLetter } from "@/lib/decisions/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";

/**
 * The decision letters on a request (approved, rejected, changes requested) with their memos, as the
 * state received them; program staff also see who decided. Anyone who may see the request; renders
 * nothing for others (the page passes null) or while there is no decision.
 */
export async function DecisionLetters({ letters }: { letters: DecisionLetter[] | null }) {
  if (!letters || letters.length === 0) return null;
  const { t, locale } = await getI18n();
  return (
    <section className="card stack" aria-labelledby="letters-heading" data-testid="decision-letters">
      <h2 id="letters-heading">{t("officer.letters.heading")}</h2>
      <p className="muted small">{t("officer.letters.intro")}</p>
      <ol className="stack list-none">
        {[...letters].reverse().map((d) => (
          <li key={d.id} className="card p-4" data-decision={d.decision}>
            <h3 className="m-0">
              <span className={d.decision === "approve" ? "badge badge-success" : d.decision === "reject" ? "badge badge-danger" : "badge"}>
                {t(`officer.letters.${d.decision}`)}
              </span>
            </h3>
            <p className="small muted m-0 mt-meta">
              {t("officer.letters.sentOn", { date: `${formatDateTime(d.createdAt, locale)} UTC` })}
              {" · "}
              {d.decidedByName ? t("officer.letters.decidedBy", { name: d.decidedByName }) : t("officer.letters.programOffice")}
            </p>
            <p className="text-pre m-0 mt-2">{d.memo}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
