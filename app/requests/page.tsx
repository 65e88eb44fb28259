import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestFilters } from "@/components/requests/request-filters";
import { RequestsTable } from "@/components/requests/requests-table";
import { firstValues } from "@/lib/http/search-params";
import { REQUEST_STATUSES } from "@/lib/enums";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { plural } from "@/lib/i18n/plural";
import { getI18n } from "@/lib/i18n/server";
import { listCountryOptions, listProgramOptions, listRequests } from "@/lib/requests/queries";
import { requestListFiltersSchema } from "@/lib/requests/schema";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("requests.list.title")} · ${t("common.appName")}` };
}

/**
 * The requests this user may see: a focal point's country's requests, or, for program officers, every
 * submitted one. Filtered, sorted and paginated on the server. Anyone else gets a 404.
 */
export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const readsOwn = hasPermission(user, "requests.readOwnCountry");
  const readsAll = hasPermission(user, "requests.readAll");
  if (!readsOwn && !readsAll) notFound();
  const canFile = hasPermission(user, "requests.file") && !!user.countryIso2;

  const parsed = requestListFiltersSchema.parse(firstValues(await searchParams));
  // Country and program filters are the officers'; a focal point's list is its own country's anyway.
  const filters = readsAll ? parsed : { ...parsed, country: undefined, program: undefined };
  const { t, locale } = await getI18n();
  const [list, programOptions, countryOptions] = await Promise.all([
    listRequests(user, filters),
    readsAll ? listProgramOptions(user) : Promise.resolve([]),
    readsAll ? listCountryOptions(user) : Promise.resolve([]),
  ]);
  const collator = new Intl.Collator(locale);
  const countries = countryOptions
    .map((c) => ({ iso2: c.iso2, name: locale === "es" ? c.nameEs : c.nameEn }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const programs = programOptions
    .map((p) => ({ id: p.id, name: locale === "es" ? p.nameEs : p.nameEn }))
    .sort((a, b) => collator.compare(a.name, b.name));
  // Officers never see drafts: offering that filter would only ever show an empty list.
  const statuses = readsOwn ? REQUEST_STATUSES : REQUEST_STATUSES.filter((s) => s !== "draft");
  const isFiltered = Boolean(filters.q || filters.status || filters.category || filters.country || filters.program);
  const countryName = user.country ? (locale === "es" ? user.country.nameEs : user.country.nameEn) : "";
  const empty = isFiltered ? t("requests.list.emptyFiltered") : canFile ? t("requests.list.emptyOwn") : t("requests.list.emptyAll");

  return (
    <div className="stack">
      <div className="row justify-between">
        <h1>{t("requests.list.title")}</h1>
        {canFile ? (
          <Link className="btn btn-primary" href="/requests/new">
            {t("requests.list.newRequest")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{readsOwn && countryName && !readsAll ? t("requests.list.introOwn", { country: countryName }) : t("requests.list.introAll")}</p>
      <RequestFilters filters={filters} statuses={statuses} readsAll={readsAll} countries={countries} programs={programs} isFiltered={isFiltered} t={t} />
      <p role="status">{plural(t, locale, "requests.list.total", list.total)}</p>
      <RequestsTable list={list} filters={filters} readsAll={readsAll} empty={empty} t={t} locale={locale} />
    </div>
  );
}
