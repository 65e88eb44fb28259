import Link from "next/link";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { RequestDetail, RequestTimelineEvent } from "@/lib/requests/queries";
import { timelineActionKey } from "./request-display";

/**
 * A request's submitted revisions (each linked, with the one to compare it with) and its timeline of
 * events, as the page loaded them for the user (the state sees the program office's people unnamed).
 */
export async function RequestHistory({
  base,
  revisions,
  timeline,
}: {
  /** The request page's path, for the revision links. */
  base: string;
  revisions: RequestDetail["revisions"];
  timeline: RequestTimelineEvent[];
}) {
  const { t, locale } = await getI18n();
  return (
    <>
      <section className="card stack" aria-labelledby="request-revisions">
        <h2 id="request-revisions">{t("requests.detail.revisionsHeading")}</h2>
        {revisions.length === 0 ? (
          <p className="muted">{t("requests.detail.revisionsNone")}</p>
        ) : (
          <ol>
            {revisions.map((r) => (
              <li key={r.number}>
                <Link href={`${base}/revisions/${r.number}`}>{t("requests.detail.revisionLink", { number: r.number })}</Link>,{" "}
                {t("requests.detail.revisionSubmitted", { date: formatDateTime(r.submittedAt, locale) })} (
                {r.number === 1
                  ? t("requests.detail.revisionFirst")
                  : t("requests.detail.revisionCompare", { number: r.number - 1 })}
                )
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card stack" aria-labelledby="request-timeline">
        <h2 id="request-timeline">{t("requests.detail.timelineHeading")}</h2>
        {timeline.length === 0 ? (
          <p className="muted">{t("requests.detail.timelineNone")}</p>
        ) : (
          <ol className="stack" data-testid="request-timeline">
            {timeline.map((event) => {
              const revision = event.details && typeof event.details === "object" ? (event.details as Record<string, unknown>).revision : undefined;
              return (
                <li key={event.id}>
                  <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt, locale)}</time>
                  {" · "}
                  <strong>{t(timelineActionKey(event.action))}</strong>
                  {typeof revision === "number" && Number.isInteger(revision) ? ` (${t("requests.timeline.revision", { number: revision })})` : null}{" "}
                  <span className="muted">
                    {t("requests.detail.timelineActor", {
                      name:
                        event.actorName ??
                        (event.actorKind === "program_office" ? t("officer.letters.programOffice") : t("requests.detail.unknownActor")),
                    })}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </>
  );
}
