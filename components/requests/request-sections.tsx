import { DetailItem, DetailList } from "@/components/ui/detail-list";
import type { Locale } from "@/lib/enums";
import { getI18n } from "@/lib/i18n/server";
import type { RequestDetail } from "@/lib/requests/queries";
import { CATEGORY_FIELDS } from "@/lib/requests/schema";
import { formatDetailValue } from "./detail-fields";

// Sections of a request's page: plain components, the page passes the request it loaded for the user.

/** The category's details and the programs the state suggested. */
export async function RequestDetailsSection({ detail }: { detail: RequestDetail }) {
  const { t, locale } = await getI18n();
  const notGiven = <span className="muted">{t("requests.detail.notGiven")}</span>;
  const detailFields = detail.category ? CATEGORY_FIELDS[detail.category].fields : [];
  return (
    <section className="card stack" aria-labelledby="request-details">
      <h2 id="request-details">{t("requests.detail.detailsHeading")}</h2>
      {!detail.category ? (
        <p className="muted">{t("requests.detail.detailsNoCategory")}</p>
      ) : detailFields.length === 0 ? (
        <p className="muted">{t("requests.detail.detailsNone")}</p>
      ) : (
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
      )}
      <h3>{t("requests.detail.programsHeading")}</h3>
      {detail.programs.length === 0 ? (
        <p className="muted">{t("requests.detail.programsNone")}</p>
      ) : (
        <ul>
          {detail.programs.map((p) => (
            <li key={p.id}>{locale === "es" ? p.nameEs : p.nameEn}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The narrative and justification in each language the request has them in, the primary one first. */
export async function RequestTexts({ detail }: { detail: RequestDetail }) {
  const { t } = await getI18n();
  const primary: Locale = detail.primaryLocale;
  const other: Locale = primary === "es" ? "en" : "es";
  const text = (field: "narrative" | "justification", l: Locale) => {
    const value = detail[`${field}${l === "es" ? "Es" : "En"}`];
    return value && value.trim() ? value : null;
  };
  const textLocales = [primary, other].filter((l) => text("narrative", l) || text("justification", l));
  return (
    <section className="card stack" aria-labelledby="request-text">
      <h2 id="request-text">{t("requests.detail.textHeading")}</h2>
      {textLocales.length === 0 ? <p className="muted">{t("requests.detail.textNone")}</p> : null}
      {textLocales.map((l) => {
        const narrative = text("narrative", l);
        const justification = text("justification", l);
        return (
          <div key={l} className="stack">
            <h3 lang={l}>{t(`common.languageNames.${l}`)}</h3>
            <h4 className="m-0">{t("requests.form.narrativeLabel")}</h4>
            {narrative ? (
              <div lang={l} className="text-pre" data-testid={`narrative-${l}`}>
                {narrative}
              </div>
            ) : (
              <p className="muted">{t("requests.detail.notGiven")}</p>
            )}
            <h4 className="m-0">{t("requests.form.justificationLabel")}</h4>
            {justification ? (
              <div lang={l} className="text-pre" data-testid={`justification-${l}`}>
                {justification}
              </div>
            ) : (
              <p className="muted">{t("requests.detail.notGiven")}</p>
            )}
          </div>
        );
      })}
    </section>
  );
}
