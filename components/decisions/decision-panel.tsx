import { getI18n } from "@/lib/i18n/server";
import { DecisionForm, type DecideRequestAction } from "./decision-form";

/**
 * The decision on a request in review, for program officers: approve, reject or request changes,
 * with the memo the state receives as a letter. Renders nothing for anyone else (the page passes
 * null) or in other states.
 */
export async function DecisionPanel({
  context,
  decideAction,
}: {
  context: { canDecide: boolean; request: { id: string; version: number } } | null;
  decideAction: DecideRequestAction;
}) {
  if (!context?.canDecide) return null;
  const { t } = await getI18n();
  return (
    <section className="card stack" aria-labelledby="decision-heading" data-testid="decision-panel">
      <h2 id="decision-heading">{t("officer.decision.heading")}</h2>
      <p>{t("officer.decision.intro")}</p>
      <DecisionForm requestId={context.request.id} version={context.request.version} action={decideAction} />
    </section>
  );
}
