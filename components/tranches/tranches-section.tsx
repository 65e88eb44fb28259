import type { ComponentProps } from "react";
import { ActionForm } from "@/components/delivery/action-form";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { minorToMajor } from "@/lib/money";
import type { TrancheList, TrancheView } from "@/lib/tranches/queries";
import { todayIso } from "@/lib/dates";

/**
 * The award's tranches: planned amount and date, the condition each waits for and whether it is met,
 * what was disbursed; for officers, forms to set a condition and to record a disbursement (offered only
 * when the tranche is disbursable). Anyone who may see the award (the page has already checked, loads
 * the list for the user and passes the officers' two actions).
 */
export async function TranchesSection({
  data,
  actions: { setTrancheConditionAction, recordDisbursementAction },
}: {
  data: TrancheList;
  actions: Record<"setTrancheConditionAction" | "recordDisbursementAction", ComponentProps<typeof ActionForm>["action"]>;
}) {
  const { t, locale } = await getI18n();
  const money = (minor: number) => formatMoney(minor, data.award.currency, locale);

  const conditionText = (tr: TrancheView) => {
    if (tr.condition === "deliverable") {
      return tr.conditionDeliverable ? t("delivery.tranches.condition.deliverable", { title: tr.conditionDeliverable.title }) : t("delivery.tranches.condition.deliverableMissing");
    }
    if (tr.condition === "report") return t("delivery.tranches.condition.report", { number: tr.conditionPeriodNumber ?? "" });
    return t("delivery.tranches.condition.none");
  };

  return (
    <section className="card stack" aria-labelledby="delivery-tranches" data-testid="tranches-section">
      <h2 id="delivery-tranches">{t("delivery.tranches.heading")}</h2>
      <p className="muted">
        {t("delivery.tranches.totals", { planned: money(data.plannedTotalMinor), released: money(data.releasedTotalMinor), award: money(data.award.amountMinor) })}
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="muted">
            {t("delivery.tranches.caption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("delivery.tranches.columns.position")}</th>
              <th scope="col">{t("delivery.tranches.columns.plannedOn")}</th>
              <th scope="col">{t("delivery.tranches.columns.amount")}</th>
              <th scope="col">{t("delivery.tranches.columns.condition")}</th>
              <th scope="col">{t("delivery.tranches.columns.released")}</th>
            </tr>
          </thead>
          <tbody>
            {data.tranches.map((tr) => (
              <tr key={tr.id} data-testid={`tranche-${tr.position}`}>
                <th scope="row">{tr.position}</th>
                <td>{formatDate(tr.plannedOn, locale)}</td>
                <td>{money(tr.plannedAmountMinor)}</td>
                <td>
                  {conditionText(tr)}
                  <br />
                  <span className="muted small">
                    {tr.releasedOn
                      ? null
                      : tr.blocker === null
                        ? t("delivery.tranches.state.disbursable")
                        : t(`delivery.tranches.blockers.${tr.blocker}`)}
                  </span>
                </td>
                <td>
                  {tr.releasedAmountMinor !== null && tr.releasedOn ? (
                    <>
                      {t("delivery.tranches.releasedValue", { amount: money(tr.releasedAmountMinor), date: formatDate(tr.releasedOn, locale) })}
                      {tr.recordedByName ? <span className="muted small"> · {t("delivery.tranches.recordedBy", { name: tr.recordedByName })}</span> : null}
                    </>
                  ) : (
                    <span className="muted">{t("delivery.tranches.notReleased")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {data.canManage
        ? data.tranches
            .filter((tr) => tr.releasedOn === null)
            .map((tr) => (
              <div key={tr.id} className="card stack">
                <ActionForm
                  legend={t("delivery.tranches.setCondition.legend", { position: tr.position })}
                  submitLabel={t("delivery.tranches.setCondition.submit")}
                  schema="trancheCondition"
                  action={setTrancheConditionAction}
                  ids={{ awardId: data.award.id, trancheId: tr.id }}
                  testId={`tranche-condition-${tr.position}`}
                  fields={[
                    {
                      name: "type",
                      label: t("delivery.tranches.setCondition.type"),
                      type: "select",
                      defaultValue: tr.condition,
                      options: [
                        { value: "none", label: t("delivery.tranches.setCondition.typeNone") },
                        { value: "deliverable", label: t("delivery.tranches.setCondition.typeDeliverable") },
                        { value: "report", label: t("delivery.tranches.setCondition.typeReport") },
                      ],
                    },
                    {
                      name: "deliverableId",
                      label: t("delivery.tranches.setCondition.deliverable"),
                      type: "select",
                      defaultValue: tr.conditionDeliverable?.id ?? "",
                      options: [
                        { value: "", label: t("delivery.tranches.setCondition.chooseDeliverable") },
                        ...data.deliverableOptions.map((d) => ({ value: d.id, label: d.title })),
                      ],
                    },
                    data.periodOptions.length > 0
                      ? {
                          name: "periodNumber",
                          label: t("delivery.tranches.setCondition.periodNumber"),
                          type: "select",
                          defaultValue: tr.conditionPeriodNumber ? String(tr.conditionPeriodNumber) : "",
                          options: [{ value: "", label: "—" }, ...data.periodOptions.map((p) => ({ value: String(p.number), label: `${p.number} · ${formatDate(p.dueOn, locale)}` }))],
                        }
                      : {
                          name: "periodNumber",
                          label: t("delivery.tranches.setCondition.periodNumber"),
                          type: "text",
                          inputMode: "numeric",
                          defaultValue: tr.conditionPeriodNumber ? String(tr.conditionPeriodNumber) : "",
                          hint: t("delivery.tranches.setCondition.periodHint"),
                        },
                  ]}
                />
                {tr.blocker === null ? (
                  <ActionForm
                    legend={t("delivery.tranches.record.legend", { position: tr.position })}
                    submitLabel={t("delivery.tranches.record.submit")}
                    schema="recordDisbursement"
                    action={recordDisbursementAction}
                    ids={{ awardId: data.award.id, trancheId: tr.id }}
                    testId={`tranche-disburse-${tr.position}`}
                    fields={[
                      {
                        name: "amount",
                        label: t("delivery.tranches.record.amount"),
                        type: "text",
                        inputMode: "decimal",
                        defaultValue: minorToMajor(tr.plannedAmountMinor),
                        hint: t("delivery.tranches.record.amountHint", { planned: money(tr.plannedAmountMinor) }),
                      },
                      { name: "disbursedOn", label: t("delivery.tranches.record.disbursedOn"), type: "date", defaultValue: todayIso() },
                    ]}
                  />
                ) : null}
              </div>
            ))
        : null}
    </section>
  );
}
