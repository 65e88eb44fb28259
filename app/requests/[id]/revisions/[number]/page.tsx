import Link from "next/link";
import { notFound } from "next/navigation";
import { fieldLabelKey } from "@/components/requests/field-paths";
import { comparisonRows, formatSnapshotValue } from "@/components/requests/revision-comparison";
import { requireUser } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/i18n/format";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { plural } from "@/lib/i18n/plural";
import { getI18n } from "@/lib/i18n/server";
import { getRevisionComparison, listEligiblePrograms } from "@/lib/requests/queries";

export const dynamic = "force-dynamic";


export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("requests.revisions.pageTitle")} · ${t("common.appName")}` };
}

/**
 * Revision N of a request beside revision N-1, field by field, the changed ones marked (in words, not
 * colour alone). Anyone who may see the request.
 */
export default async function RevisionPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const user = await requireUser();
  const { id, number: rawNumber } = await params;
  if (!/^[1-9]\d{0,5}$/.test(rawNumber)) notFound();
  const number = Number(rawNumber);
  const { request, current, previous, changed } = await getRevisionComparison(user, id, number).catch(rethrowAsNotFound);
  const { t, locale } = await getI18n();

  // Every program a request of this country may name (chosen ones had to be eligible when saved).
  const programs = await listEligiblePrograms(user, request.countryIso2);
  const names = new Map(programs.map((p) => [p.id, locale === "es" ? p.nameEs : p.nameEn]));
  const programName = (programId: string) => names.get(programId) ?? t("requests.revisions.unknownProgram");
  const currencyOf = (snapshot: Record<string, unknown> | undefined) =>
    typeof snapshot?.currency === "string" && /^[A-Z]{3}$/.test(snapshot.currency) ? snapshot.currency : request.currency;
  const show = (key: string, value: unknown, snapshot: Record<string, unknown> | undefined) => {
    const text = formatSnapshotValue(key, value, { t, locale, currency: currencyOf(snapshot), programName });
    return text === null ? <span className="muted">{t("requests.revisions.empty")}</span> : <span className="text-pre">{text}</span>;
  };

  const rows = comparisonRows(previous?.snapshot ?? null, current.snapshot, changed);
  const base = `/requests/${encodeURIComponent(request.id)}`;
  const labelOf = (key: string) => {
    const labelKey = fieldLabelKey(key);
    return labelKey ? t(labelKey) : key;
  };

  return (
    <div className="stack">
      <p>
        <Link href={base}>{t("requests.revisions.back")}</Link>
      </p>
      <div className="card stack">
        <h1>{t("requests.revisions.title", { number, reference: request.reference })}</h1>
        <p className="muted">{t("requests.revisions.submittedOn", { date: formatDateTime(current.submittedAt, locale) })}</p>
        {previous ? (
          <>
            <p>{t("requests.revisions.intro", { number })}</p>
            <p role="status">
              {changed.length > 0
                ? plural(t, locale, "requests.revisions.changedCount", changed.length, { previous: previous.number })
                : t("requests.revisions.noChanges", { previous: previous.number })}
            </p>
          </>
        ) : (
          <p className="alert alert-info">{t("requests.revisions.firstSubmission")}</p>
        )}
      </div>

      <div className="table-wrap">
        <table className="table">
          <caption className="muted">
            {previous
              ? t("requests.revisions.caption", { number, previous: previous.number })
              : t("requests.revisions.captionFirst", { number })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("requests.revisions.field")}</th>
              {previous ? <th scope="col">{t("requests.revisions.revision", { number: previous.number })}</th> : null}
              <th scope="col">{t("requests.revisions.revision", { number })}</th>
              {previous ? <th scope="col">{t("requests.revisions.change")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-changed={row.isChanged ? "true" : undefined}>
                <th scope="row">{labelOf(row.key)}</th>
                {previous ? <td>{show(row.key, row.before, previous.snapshot)}</td> : null}
                <td>{show(row.key, row.after, current.snapshot)}</td>
                {previous ? (
                  <td>
                    {row.isChanged ? (
                      <strong>{t("requests.revisions.changed")}</strong>
                    ) : (
                      <span className="muted">{t("requests.revisions.unchanged")}</span>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {request.revisionCount > 1 ? (
        <nav aria-label={t("requests.revisions.otherRevisions")} className="row">
          {number > 1 ? (
            <Link className="btn" href={`${base}/revisions/${number - 1}`} rel="prev">
              <span aria-hidden="true">←</span> {t("requests.revisions.previousLink", { number: number - 1 })}
            </Link>
          ) : null}
          {number < request.revisionCount ? (
            <Link className="btn" href={`${base}/revisions/${number + 1}`} rel="next">
              {t("requests.revisions.nextLink", { number: number + 1 })} <span aria-hidden="true">→</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
