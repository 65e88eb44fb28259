import Link from "next/link";
import { notFound } from "next/navigation";
import { AwardsTable } from "@/components/awards/awards-table";
import { AWARD_STATUSES } from "@/lib/enums";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { listAwardProgramOptions, listAwards, mayListAwards } from "@/lib/awards/queries";
import { awardListFiltersSchema } from "@/lib/awards/schema";
import { plural } from "@/lib/i18n/plural";
import { getI18n } from "@/lib/i18n/server";
import { pageParamSchema } from "@/lib/paging";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("awards.list.title")} · ${t("common.appName")}` };
}

/**
 * The awards this user may see, a page at a time (`?page=`, the filters kept in the page links), with
 * their count. Officers and approvers all; implementing partners those they implement;
 * focal points their country's. Anyone else (donors too: they see awards on the dashboards) gets a 404.
 */
export default async function AwardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  if (!mayListAwards(user)) notFound();
  const params = await searchParams;
  const filters = awardListFiltersSchema.parse({ status: first(params.status), program: first(params.program) });
  const { t, locale } = await getI18n();
  const [list, programOptions] = await Promise.all([
    listAwards(user, filters, { page: pageParamSchema.parse(first(params.page)) }),
    listAwardProgramOptions(user),
  ]);
  const query = { status: filters.status, program: filters.program };
  const isFiltered = Boolean(filters.status || filters.program);
  const seesAll = hasPermission(user, "awards.create") || hasPermission(user, "awards.approve");
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);
  const intro = seesAll
    ? t("awards.list.introAll")
    : hasPermission(user, "awards.readImplemented")
      ? t("awards.list.introPartner")
      : t("awards.list.introCountry", { country: user.country ? name(user.country) : (user.countryIso2 ?? "") });

  return (
    <div className="stack">
      <h1>{t("awards.list.title")}</h1>
      <p className="muted">{intro}</p>
      {hasPermission(user, "awards.approve") ? (
        <p>
          <Link href="/approvals">{t("awards.list.approvalsLink")}</Link>
        </p>
      ) : null}

      <form method="get" action="/awards" className="card" role="search" aria-label={t("awards.list.filtersLabel")}>
        <div className="row items-end">
          <div className="field">
            <label htmlFor="awards-status">{t("awards.list.statusLabel")}</label>
            <select id="awards-status" name="status" defaultValue={filters.status ?? ""}>
              <option value="">{t("awards.list.anyStatus")}</option>
              {AWARD_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`awards.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="awards-program">{t("awards.list.programLabel")}</label>
            <select id="awards-program" name="program" defaultValue={filters.program ?? ""}>
              <option value="">{t("awards.list.anyProgram")}</option>
              {programOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {name(p)}
                </option>
              ))}
            </select>
          </div>
          <div className="row">
            <button type="submit" className="btn">
              {t("awards.list.apply")}
            </button>
            {isFiltered ? <Link href="/awards">{t("awards.list.clear")}</Link> : null}
          </div>
        </div>
      </form>

      <p role="status">{plural(t, locale, "awards.list.total", list.total)}</p>
      <AwardsTable list={list} query={query} empty={isFiltered ? t("awards.list.emptyFiltered") : t("awards.list.empty")} t={t} locale={locale} />
    </div>
  );
}
