// The top of one award on a program dashboard (server components): where it sits, what it is, its money.
import { Badge } from "@/components/ui/badge";
import { DetailItem, DetailList } from "@/components/ui/detail-list";
import type { AwardOverview } from "@/lib/dashboards/types";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { I18nProps } from "./dashboard-table";
import { Breadcrumb, FigureCard } from "./program-sections";
import { nameIn, titleIn } from "./text";

/** The trail from the dashboards to the award, through its program and country. */
export function AwardBreadcrumb({ overview: { program, award }, t, locale }: I18nProps & { overview: AwardOverview }) {
  const programHref = `/dashboards/${encodeURIComponent(program.id)}`;
  return (
    <Breadcrumb
      t={t}
      items={[
        { href: "/dashboards", label: t("dashboards.pageTitle") },
        { href: programHref, label: nameIn(locale, program) },
        { href: `${programHref}/countries/${encodeURIComponent(award.countryIso2)}`, label: nameIn(locale, award.country) },
        { label: award.reference },
      ]}
    />
  );
}

/** Reference, status, title, program, country, partner and period; the award's PDF; what the figures count. */
export function AwardHeader({ overview, t, locale }: I18nProps & { overview: AwardOverview }) {
  const { program, award } = overview;
  const title = titleIn(locale, award) ?? t("dashboards.awards.untitled", { reference: award.reference });
  const status = t(`dashboards.status.${award.status}`);
  const pdfHref = `/dashboards/${encodeURIComponent(program.id)}/awards/${encodeURIComponent(award.id)}/report.pdf?lang=${locale}`;
  return (
    <header className="card stack">
      <p className="muted m-0">
        <span data-testid="award-reference">{award.reference}</span> · <Badge tone={award.status === "active" ? "success" : "neutral"}>{status}</Badge>
      </p>
      <h1>{title}</h1>
      <DetailList>
        <DetailItem label={t("dashboards.award.program")}>{nameIn(locale, program)}</DetailItem>
        <DetailItem label={t("dashboards.award.country")}>{nameIn(locale, award.country)}</DetailItem>
        <DetailItem label={t("dashboards.award.partner")}>{nameIn(locale, award.partner)}</DetailItem>
        <DetailItem label={t("dashboards.award.period")}>
          {t("dashboards.periodValue", { start: formatDate(award.startsOn, locale), end: formatDate(award.endsOn, locale) })}
        </DetailItem>
        <DetailItem label={t("dashboards.award.status")}>{status}</DetailItem>
      </DetailList>
      <p>
        <a className="btn" href={pdfHref} download>
          {t("dashboards.award.pdf")}
        </a>
      </p>
      {program.isDemoFigures ? (
        <p className="alert alert-info" role="note">
          <Badge>{t("dashboards.demoFigures")}</Badge> {t("dashboards.demoFiguresNote")}
        </p>
      ) : null}
      <p className="muted small">
        {t("dashboards.scopeNote")} {t("dashboards.asOf", { date: formatDate(overview.asOf, locale) })}
      </p>
    </header>
  );
}

/** Committed, disbursed and reported expenditure of the award. */
export function AwardMoney({ money, currency, t, locale }: I18nProps & { money: AwardOverview["money"]; currency: string }) {
  const m = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <section aria-labelledby="award-money">
      <h2 id="award-money">{t("dashboards.award.moneyHeading")}</h2>
      <div className="dash-cards">
        <FigureCard label={t("dashboards.money.committed")} value={m(money.committedMinor)} />
        <FigureCard label={t("dashboards.money.disbursed")} value={m(money.disbursedMinor)} />
        <FigureCard label={t("dashboards.money.reportedExpenditure")} value={m(money.reportedExpenditureMinor)} hint={t("dashboards.money.reportedHint")} />
      </div>
    </section>
  );
}
