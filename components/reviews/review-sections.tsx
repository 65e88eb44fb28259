// Server-rendered sections of the reviewer's page: the request's content, what changed between
// revisions, and score tables. Plain components: the page passes the data and the translator.
import { DetailItem, DetailList } from "@/components/ui/detail-list";
import { formatDetailValue } from "@/components/requests/detail-fields";
import { fieldLabelKey } from "@/components/requests/field-paths";
import { comparisonRows, formatSnapshotValue } from "@/components/requests/revision-comparison";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { plural } from "@/lib/i18n/plural";
import type { Translate } from "@/lib/i18n/translate";
import type { RequestDetail } from "@/lib/requests/queries";
import { CATEGORY_FIELDS } from "@/lib/requests/schema";
import type { ConflictSubject, RevisionChanges, RubricCriterion, ScoreEntry } from "@/lib/reviews/queries";
import type { CriterionAggregate } from "@/lib/reviews/scoring";
import { formatScore, localName } from "./review-format";


/** Who asks and for what: all a reviewer sees of the request before declaring no conflict (or once recused). */
export function ConflictSubjectSection({
  subject,
  isRecused,
  t,
  locale,
}: {
  subject: ConflictSubject;
  isRecused: boolean;
  t: Translate;
  locale: Locale;
}) {
  return (
    <section className="card stack" aria-labelledby="review-subject" data-testid="review-subject">
      <h2 id="review-subject">{t("reviews.detail.subjectHeading")}</h2>
      {isRecused ? null : <p className="muted">{t("reviews.detail.subjectIntro")}</p>}
      <DetailList>
        <DetailItem label={t("requests.fields.country")}>{localName(subject.country, locale)}</DetailItem>
        <DetailItem label={t("requests.fields.category")}>
          {subject.category ? t(`common.categories.${subject.category}`) : <span className="muted">{t("reviews.detail.notGiven")}</span>}
        </DetailItem>
        <DetailItem label={t("reviews.detail.subjectAgencies")}>
          {subject.agencies.length === 0 ? (
            <span className="muted">{t("reviews.detail.subjectAgenciesNone")}</span>
          ) : (
            subject.agencies.map((agency) => localName(agency, locale)).join("; ")
          )}
        </DetailItem>
        {subject.namedAgencies.length > 0 ? (
          <DetailItem label={t("reviews.detail.subjectNamedAgencies")}>
            <span className="text-pre">{subject.namedAgencies.join("; ")}</span>
          </DetailItem>
        ) : null}
      </DetailList>
    </section>
  );
}

/** The request as a reviewer reads it: summary, details, programs, texts and attachments. */
export function RequestContent({ detail, t, locale }: { detail: RequestDetail; t: Translate; locale: Locale }) {
  const notGiven = <span className="muted">{t("reviews.detail.notGiven")}</span>;
  const primary: Locale = detail.primaryLocale;
  const other: Locale = primary === "es" ? "en" : "es";
  const text = (field: "narrative" | "justification", l: Locale) => {
    const value = detail[`${field}${l === "es" ? "Es" : "En"}`];
    return value && value.trim() ? value : null;
  };
  const textLocales = [primary, other].filter((l) => text("narrative", l) || text("justification", l));
  const detailFields = detail.category ? CATEGORY_FIELDS[detail.category].fields : [];
  const urgency =
    detail.urgency === "low" || detail.urgency === "medium" || detail.urgency === "high" || detail.urgency === "critical" ? detail.urgency : null;
  const base = `/requests/${encodeURIComponent(detail.id)}/attachments`;

  return (
    <section className="card stack" aria-labelledby="review-request">
      <h2 id="review-request">{t("reviews.detail.contentHeading")}</h2>
      <h3>{t("reviews.detail.summaryHeading")}</h3>
      <DetailList>
        <DetailItem label={t("requests.fields.country")}>{localName(detail.country, locale)}</DetailItem>
        <DetailItem label={t("requests.fields.category")}>{detail.category ? t(`common.categories.${detail.category}`) : notGiven}</DetailItem>
        <DetailItem label={t("requests.fields.urgency")}>{urgency ? t(`requests.urgency.${urgency}`) : notGiven}</DetailItem>
        <DetailItem label={t("requests.fields.estimatedCost")}>
          {detail.estimatedCostMinor === null ? notGiven : formatMoney(detail.estimatedCostMinor, detail.currency, locale)}
        </DetailItem>
        <DetailItem label={t("requests.fields.desiredStartOn")}>{detail.desiredStartOn ? formatDate(detail.desiredStartOn, locale) : notGiven}</DetailItem>
        <DetailItem label={t("requests.fields.primaryLocale")}>{t(`common.languageNames.${primary}`)}</DetailItem>
      </DetailList>

      {detailFields.length > 0 ? (
        <>
          <h3>{t("reviews.detail.detailsHeading")}</h3>
          <DetailList>
            {detailFields.map((field) => {
              const value = formatDetailValue(field, detail.details[field], t, locale);
              return (
                <DetailItem key={field} label={t(`requests.details.${field}.label`)}>
                  {value === null ? notGiven : <span className="text-pre">{value}</span>}
                </DetailItem>
              );
            })}
          </DetailList>
        </>
      ) : null}

      <h3>{t("reviews.detail.programsHeading")}</h3>
      {detail.programs.length === 0 ? (
        <p className="muted">{t("reviews.detail.programsNone")}</p>
      ) : (
        <ul>
          {detail.programs.map((p) => (
            <li key={p.id}>{localName(p, locale)}</li>
          ))}
        </ul>
      )}

      <h3>{t("reviews.detail.textHeading")}</h3>
      {textLocales.map((l) => {
        const narrative = text("narrative", l);
        const justification = text("justification", l);
        return (
          <div key={l} className="stack">
            {textLocales.length > 1 || l !== locale ? <h4 lang={l} className="m-0">{t(`common.languageNames.${l}`)}</h4> : null}
            <p className="text-strong m-0">{t("requests.form.narrativeLabel")}</p>
            {narrative ? (
              <div lang={l} className="text-pre">
                {narrative}
              </div>
            ) : (
              notGiven
            )}
            <p className="text-strong m-0">{t("requests.form.justificationLabel")}</p>
            {justification ? (
              <div lang={l} className="text-pre">
                {justification}
              </div>
            ) : (
              notGiven
            )}
          </div>
        );
      })}

      <h3>{t("reviews.detail.attachmentsHeading")}</h3>
      {detail.attachments.length === 0 ? (
        <p className="muted">{t("reviews.detail.attachmentsNone")}</p>
      ) : (
        <ul>
          {detail.attachments.map((a) => (
            <li key={a.id}>
              <a href={`${base}/${encodeURIComponent(a.id)}`} download={a.filename}>
                {a.filename}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The fields that changed between two revisions, side by side. */
export function RevisionChangesSection({
  changes,
  revisionCount,
  t,
  locale,
}: {
  changes: RevisionChanges | null;
  revisionCount: number;
  t: Translate;
  locale: Locale;
}) {
  return (
    <section className="card stack" aria-labelledby="review-changes">
      <h2 id="review-changes">{t("reviews.detail.changesHeading")}</h2>
      {!changes ? (
        <p className="muted">{revisionCount <= 1 ? t("reviews.detail.changesFirst") : t("reviews.detail.changesNone")}</p>
      ) : (
        <ChangesTable changes={changes} t={t} locale={locale} />
      )}
    </section>
  );
}

function ChangesTable({ changes, t, locale }: { changes: RevisionChanges; t: Translate; locale: Locale }) {
  const names = new Map(changes.programs.map((p) => [p.id, localName(p, locale)]));
  const currency = typeof changes.after.currency === "string" ? changes.after.currency : "USD";
  const format = (key: string, value: unknown) =>
    formatSnapshotValue(key, value, { t, locale, currency, programName: (id) => names.get(id) ?? t("reviews.detail.unknownProgram") });
  const rows = comparisonRows(changes.before, changes.after, changes.changed).filter((r) => r.isChanged);
  const intro =
    changes.basis === "sinceScored"
      ? t("reviews.detail.changesSinceScored", { from: changes.fromNumber, to: changes.toNumber })
      : t("reviews.detail.changesSincePrevious", { from: changes.fromNumber, to: changes.toNumber });
  return (
    <>
      <p>{intro}</p>
      {rows.length === 0 ? (
        <p className="muted">{t("reviews.detail.changesNone")}</p>
      ) : (
        <>
          <p>{plural(t, locale, "reviews.detail.changesCount", rows.length)}</p>
          <div className="table-wrap">
            <table className="table" data-testid="review-changes">
              <caption className="muted">
                {t("reviews.detail.changesCaption", { from: changes.fromNumber, to: changes.toNumber })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("reviews.detail.field")}</th>
                  <th scope="col">{t("reviews.detail.revision", { number: changes.fromNumber })}</th>
                  <th scope="col">{t("reviews.detail.revision", { number: changes.toNumber })}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const labelKey = fieldLabelKey(row.key);
                  const before = format(row.key, row.before);
                  const after = format(row.key, row.after);
                  return (
                    <tr key={row.key}>
                      <th scope="row" className="text-plain">
                        {labelKey ? t(labelKey) : row.key}
                      </th>
                      <td className="text-pre">{before ?? <span className="muted">{t("reviews.detail.empty")}</span>}</td>
                      <td className="text-pre">{after ?? <span className="muted">{t("reviews.detail.empty")}</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** One review's scores: criterion, weight, score and explanation, with the weighted total. */
export function ScoreTable({
  caption,
  rubric,
  scores,
  total,
  t,
  locale,
  testId,
}: {
  caption: string;
  rubric: Pick<RubricCriterion, "id" | "nameEn" | "nameEs" | "weight">[];
  scores: ScoreEntry[];
  total: number | null;
  t: Translate;
  locale: Locale;
  testId?: string;
}) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <caption className="muted">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("reviews.detail.criterion")}</th>
            <th scope="col">{t("reviews.detail.weight")}</th>
            <th scope="col">{t("reviews.detail.score")}</th>
            <th scope="col">{t("reviews.detail.comment")}</th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((c) => {
            const s = scores.find((x) => x.criterionId === c.id);
            return (
              <tr key={c.id}>
                <th scope="row" className="text-plain">
                  {localName(c, locale)}
                </th>
                <td>{c.weight}</td>
                <td>{s ? t("reviews.detail.scoreOutOf", { score: s.score }) : "–"}</td>
                <td className="text-pre">{s?.comment ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2} className="normal-case text-size-inherit">
              {t("reviews.detail.weightedTotal")}
            </th>
            <td colSpan={2}>
              <strong>{formatScore(total, locale)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Mean and spread per criterion across every submitted review of the rubric. */
export function AggregateTable({
  rubric,
  perCriterion,
  meanTotal,
  totalSpread,
  count,
  t,
  locale,
}: {
  rubric: RubricCriterion[];
  perCriterion: CriterionAggregate[];
  meanTotal: number | null;
  totalSpread: number | null;
  count: number;
  t: Translate;
  locale: Locale;
}) {
  const byId = new Map(perCriterion.map((c) => [c.criterionId, c]));
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="muted">
          {plural(t, locale, "reviews.detail.aggregateCaption", count)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("reviews.detail.criterion")}</th>
            <th scope="col">{t("reviews.detail.mean")}</th>
            <th scope="col">{t("reviews.detail.spread")}</th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="text-plain">
                {localName(c, locale)}
              </th>
              <td>{formatScore(byId.get(c.id)?.mean, locale)}</td>
              <td>{formatScore(byId.get(c.id)?.spread, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="normal-case text-size-inherit">
              {t("reviews.detail.weightedTotal")}
            </th>
            <td>
              <strong>{formatScore(meanTotal, locale)}</strong>
            </td>
            <td>
              <strong>{formatScore(totalSpread, locale)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
