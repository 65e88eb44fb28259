import type { ComponentProps } from "react";
import { ActionForm } from "@/components/delivery/action-form";
import type { EquipmentList } from "@/lib/equipment/queries";
import { CHECK_RESULTS, EQUIPMENT_CONDITIONS, EQUIPMENT_LIMITS } from "@/lib/equipment/schema";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { todayIso } from "@/lib/dates";

/**
 * The award's equipment register: items (kind, model, quantity, handover, custodian agency, condition)
 * with their end-use checks, and a standing warning never to enter serial numbers; for the partner's
 * users and officers, forms to add items, update a condition and record a check. Focal points and
 * donors read. Anyone who may see the award (the page has already checked, loads the register for the
 * user and passes the actions).
 */
export async function EquipmentSection({
  data,
  actions: { addEquipmentItemAction, updateEquipmentConditionAction, addEquipmentCheckAction },
}: {
  data: EquipmentList;
  actions: Record<"addEquipmentItemAction" | "updateEquipmentConditionAction" | "addEquipmentCheckAction", ComponentProps<typeof ActionForm>["action"]>;
}) {
  const { t, locale } = await getI18n();
  const conditionOptions = EQUIPMENT_CONDITIONS.map((c) => ({ value: c, label: t(`delivery.equipment.condition.${c}`) }));
  const resultOptions = CHECK_RESULTS.map((r) => ({ value: r, label: t(`delivery.equipment.result.${r}`) }));

  return (
    <section className="card stack" aria-labelledby="delivery-equipment" data-testid="equipment-section">
      <h2 id="delivery-equipment">{t("delivery.equipment.heading")}</h2>
      <p className="alert alert-info" role="note" data-testid="serial-warning">
        {t("delivery.equipment.serialWarning")}
      </p>
      {data.items.length === 0 ? (
        <p className="muted">{t("delivery.equipment.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="muted">
              {t("delivery.equipment.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("delivery.equipment.columns.kind")}</th>
                <th scope="col">{t("delivery.equipment.columns.model")}</th>
                <th scope="col">{t("delivery.equipment.columns.quantity")}</th>
                <th scope="col">{t("delivery.equipment.columns.handoverOn")}</th>
                <th scope="col">{t("delivery.equipment.columns.custodian")}</th>
                <th scope="col">{t("delivery.equipment.columns.condition")}</th>
                <th scope="col">{t("delivery.equipment.columns.checks")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row" className="text-break">
                    {item.kind}
                  </th>
                  <td>{item.model ?? "—"}</td>
                  <td>{formatNumber(item.quantity, locale)}</td>
                  <td>{item.handoverOn ? formatDate(item.handoverOn, locale) : <span className="muted">{t("delivery.equipment.noHandover")}</span>}</td>
                  <td>{item.custodianAgency}</td>
                  <td>{t(`delivery.equipment.condition.${item.condition}`)}</td>
                  <td>
                    {item.checks.length === 0 ? (
                      <span className="muted">{t("delivery.equipment.noChecks")}</span>
                    ) : (
                      <ul className="m-0 pl-4">
                        {item.checks.map((c) => (
                          <li key={c.id}>
                            {t("delivery.equipment.checkValue", { date: formatDate(c.checkedOn, locale), result: t(`delivery.equipment.result.${c.result}`) })}
                            {c.note ? <span className="muted small"> · {c.note}</span> : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data.canEdit ? (
        <>
          {data.items.map((item) => (
            <div key={item.id} className="card stack">
              <ActionForm
                legend={t("delivery.equipment.updateCondition.label", { kind: item.kind })}
                submitLabel={t("delivery.equipment.updateCondition.submit")}
                schema="updateEquipmentCondition"
                action={updateEquipmentConditionAction}
                ids={{ awardId: data.award.id, itemId: item.id }}
                fields={[{ name: "condition", label: t("delivery.equipment.columns.condition"), type: "select", defaultValue: item.condition, options: conditionOptions }]}
              />
              <ActionForm
                legend={t("delivery.equipment.check.legend", { kind: item.kind })}
                submitLabel={t("delivery.equipment.check.submit")}
                schema="addEquipmentCheck"
                action={addEquipmentCheckAction}
                ids={{ awardId: data.award.id, itemId: item.id }}
                fields={[
                  { name: "checkedOn", label: t("delivery.equipment.check.checkedOn"), type: "date", defaultValue: todayIso() },
                  { name: "result", label: t("delivery.equipment.check.result"), type: "select", options: resultOptions },
                  { name: "note", label: `${t("delivery.equipment.check.note")} ${t("delivery.common.optional")}`, type: "textarea", maxLength: EQUIPMENT_LIMITS.noteMax },
                ]}
              />
            </div>
          ))}
          <ActionForm
            legend={t("delivery.equipment.add.legend")}
            submitLabel={t("delivery.equipment.add.submit")}
            schema="addEquipmentItem"
            action={addEquipmentItemAction}
            ids={{ awardId: data.award.id }}
            testId="equipment-add"
            fields={[
              { name: "kind", label: t("delivery.equipment.add.kind"), type: "text", maxLength: EQUIPMENT_LIMITS.kindMax, hint: t("delivery.equipment.serialWarning") },
              { name: "model", label: `${t("delivery.equipment.add.model")} ${t("delivery.common.optional")}`, type: "text", maxLength: EQUIPMENT_LIMITS.modelMax },
              { name: "quantity", label: t("delivery.equipment.add.quantity"), type: "text", inputMode: "numeric", defaultValue: "1" },
              { name: "handoverOn", label: `${t("delivery.equipment.add.handoverOn")} ${t("delivery.common.optional")}`, type: "date" },
              { name: "custodianAgency", label: t("delivery.equipment.add.custodian"), type: "text", maxLength: EQUIPMENT_LIMITS.custodianMax },
              { name: "condition", label: t("delivery.equipment.add.condition"), type: "select", defaultValue: "new", options: conditionOptions },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
