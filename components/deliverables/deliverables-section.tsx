import type { ComponentProps } from "react";
import { ActionForm } from "@/components/delivery/action-form";
import type { DeliverableList } from "@/lib/deliverables/queries";
import { DELIVERABLE_LIMITS } from "@/lib/deliverables/schema";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { plural } from "@/lib/i18n/plural";
import { getI18n } from "@/lib/i18n/server";
import { daysBetween } from "@/lib/dates";
import { EvidenceUpload } from "./evidence-upload";

/**
 * The award's deliverables: due date, status, a late flag in words, the office's comment and the
 * evidence files; for the country's focal points and the partner's users an upload and a submit form
 * (pending or returned), for officers the review of submitted ones and a form to add one.
 * Anyone who may see the award (the page has already checked, loads the list for the user as of
 * `today` and passes the actions).
 */
export async function DeliverablesSection({
  data,
  today,
  actions: { addDeliverableAction, submitDeliverableAction, decideDeliverableAction },
}: {
  data: DeliverableList;
  today: string;
  actions: Record<"addDeliverableAction" | "submitDeliverableAction" | "decideDeliverableAction", ComponentProps<typeof ActionForm>["action"]>;
}) {
  const { t, locale } = await getI18n();
  const size = (bytes: number) => `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;

  return (
    <section className="card stack" aria-labelledby="delivery-deliverables" data-testid="deliverables-section">
      <h2 id="delivery-deliverables">{t("delivery.deliverables.heading")}</h2>
      {data.deliverables.length === 0 ? <p className="muted">{t("delivery.deliverables.none")}</p> : null}
      <ul className="stack list-plain">
        {data.deliverables.map((d) => (
          <li key={d.id} className="card stack" data-testid={`deliverable-${d.id}`}>
            <h3 className="m-0 text-break">{d.title}</h3>
            <p className="m-0">
              <span className={d.status === "accepted" ? "badge badge-success" : d.status === "returned" ? "badge badge-danger" : "badge"} data-testid="deliverable-status">
                {t(`awards.deliverableStatus.${d.status}`)}
              </span>{" "}
              {d.isLate ? (
                <strong className="badge badge-danger" data-testid="deliverable-late">
                  {plural(t, locale, "delivery.deliverables.late", daysBetween(d.dueOn, today), { date: formatDate(d.dueOn, locale) })}
                </strong>
              ) : (
                <span className="muted">{t("delivery.deliverables.dueOn", { date: formatDate(d.dueOn, locale) })}</span>
              )}
            </p>
            {d.reviewComment ? <p className="m-0 text-pre-wrap">{t("delivery.deliverables.reviewComment", { comment: d.reviewComment })}</p> : null}

            <h4 className="m-0">{t("delivery.deliverables.evidenceHeading")}</h4>
            {d.evidence.length === 0 ? (
              <p className="muted m-0">
                {t("delivery.deliverables.evidenceNone")}
              </p>
            ) : (
              <ul className="m-0">
                {d.evidence.map((e) => (
                  <li key={e.id}>
                    <a href={`/awards/${encodeURIComponent(data.award.id)}/deliverables/${encodeURIComponent(d.id)}/evidence/${encodeURIComponent(e.id)}`} download>
                      {t("delivery.deliverables.evidenceItem", { name: e.filename, size: size(e.sizeBytes) })}
                    </a>
                    {e.uploadedByName ? <span className="muted small"> · {t("delivery.deliverables.uploadedBy", { name: e.uploadedByName })}</span> : null}
                  </li>
                ))}
              </ul>
            )}

            {d.canAddEvidence ? <EvidenceUpload awardId={data.award.id} deliverableId={d.id} /> : null}
            {d.canSubmit ? (
              <ActionForm
                legend={t("delivery.deliverables.submit.hint")}
                submitLabel={t("delivery.deliverables.submit.button")}
                schema="submitDeliverable"
                action={submitDeliverableAction}
                ids={{ awardId: data.award.id, deliverableId: d.id }}
                extra={{ expectedVersion: d.version }}
                fields={[]}
                testId={`deliverable-submit-${d.id}`}
              />
            ) : null}
            {d.canDecide ? (
              <ActionForm
                legend={t("delivery.deliverables.review.legend", { title: d.title })}
                submitLabel={t("delivery.deliverables.review.submit")}
                schema="decideDeliverable"
                action={decideDeliverableAction}
                ids={{ awardId: data.award.id, deliverableId: d.id }}
                extra={{ expectedVersion: d.version }}
                testId={`deliverable-decision-${d.id}`}
                fields={[
                  {
                    name: "decision",
                    label: t("delivery.deliverables.review.legend", { title: d.title }),
                    type: "radio",
                    defaultValue: "accept",
                    options: [
                      { value: "accept", label: t("delivery.deliverables.review.accept") },
                      { value: "return", label: t("delivery.deliverables.review.return") },
                    ],
                  },
                  { name: "comment", label: t("delivery.deliverables.review.comment"), type: "textarea", maxLength: DELIVERABLE_LIMITS.commentMax, hint: t("delivery.deliverables.review.commentHint") },
                ]}
              />
            ) : null}
          </li>
        ))}
      </ul>

      {data.canAdd ? (
        <ActionForm
          legend={t("delivery.deliverables.add.legend")}
          submitLabel={t("delivery.deliverables.add.submit")}
          schema="addDeliverable"
          action={addDeliverableAction}
          ids={{ awardId: data.award.id }}
          testId="deliverable-add"
          fields={[
            { name: "title", label: t("delivery.deliverables.add.title"), type: "text", maxLength: DELIVERABLE_LIMITS.titleMax },
            { name: "dueOn", label: t("delivery.deliverables.add.dueOn"), type: "date" },
          ]}
        />
      ) : null}
    </section>
  );
}
