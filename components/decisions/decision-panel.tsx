import { hasPermission } from "@/lib/auth/policies";
import { getDecisionContext } from "@/lib/decisions/queries";
import { getI18n } from "@/lib/i18n/server";
import { DecisionForm } from "./decision-form";
import { loadForPanel } from "@/components/requests/load-for-panel";

/**
 * The decision on a request in review, for program officers: approve, reject or request changes,
 * with the memo the state receives as a letter. Renders nothing for anyone else or in other states.
 */
export async function DecisionPanel({ requestId }: { requestId: string }) {
  const loaded = await loadForPanel(async (user) => (hasPermission(user, "decisions.make") ? getDecisionContext(user, requestId) : null));
  const context = loaded?.data;
  if (!context?.canDecide) return null;
  const { t } = await getI18n();
  return (
    <section className="card stack" aria-labelledby="decision-heading" data-testid="decision-panel">
      <h2 id="decision-heading">{t("officer.decision.heading")}</h2>
      <p>{t("officer.decision.intro")}</p>
      <DecisionForm requestId={context.request.id} version={context.request.version} />
    </section>
  );
}
