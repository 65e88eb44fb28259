import Link from "next/link";
import { notFound } from "next/navigation";
import { requestsListHref } from "@/components/requests/list-links";
import { displayTitle, statusBadgeClass } from "@/components/requests/request-display";
import { firstValues } from "@/lib/http/search-params";
import { ASSISTANCE_CATEGORIES, REQUEST_STATUSES } from "@/lib/enums";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { plural } from "@/lib/i18n/plural";
import { getI18n } from "@/lib/i18n/server";
import { listCountryOptions, listProgramOptions, listRequests } from "@/lib/requests/queries";
import { requestListFiltersSchema } from "@/lib/requests/schema";

export const dynamic = "force-dynamic";

const SORTS = ["updated", "created", "cost", "reference"] as const;
const DIRS = ["desc", "asc"] as const;

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
  const notGiven = <span className="muted">{t("requests.list.notGiven")}</span>;

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

      <form method="get" action="/requests" className="card" role="search" aria-label={t("requests.list.filtersLabel")}>
        <div className="row items-end">
          <div className="field">
            <label htmlFor="requests-q">{t("requests.list.searchLabel")}</label>
            <input id="requests-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} aria-describedby="requests-q-hint" />
            <span className="hint" id="requests-q-hint">
              {t("requests.list.searchHint")}
            </span>
          </div>
          <div className="field">
            <label htmlFor="requests-status">{t("requests.list.statusLabel")}</label>
            <select id="requests-status" name="status" defaultValue={filters.status ?? ""}>
              <option value="">{t("requests.list.anyStatus")}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`requests.status.${s}`)}
                </option>
              ))}
            </select>
            <span className="hint">&nbsp;</span>
          </div>
          <div className="field">
            <label htmlFor="requests-category">{t("requests.list.categoryLabel")}</label>
            <select id="requests-category" name="category" defaultValue={filters.category ?? ""}>
              <option value="">{t("requests.list.anyCategory")}</option>
              {ASSISTANCE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`common.categories.${c}`)}
                </option>
              ))}
            </select>
            <span className="hint">&nbsp;</span>
          </div>
          {readsAll ? (
            <>
              <div className="field">
                <label htmlFor="requests-country">{t("requests.list.countryLabel")}</label>
                <select id="requests-country" name="country" defaultValue={filters.country ?? ""}>
                  <option value="">{t("requests.list.anyCountry")}</option>
                  {countries.map((c) => (
                    <option key={c.iso2} value={c.iso2}>
                      {c.name}
                    </option>
                  ))}
                </select>
                <span className="hint">&nbsp;</span>
              </div>
              <div className="field">
                <label htmlFor="requests-program">{t("requests.list.programLabel")}</label>
                <select id="requests-program" name="program" defaultValue={filters.program ?? ""}>
                  <option value="">{t("requests.list.anyProgram")}</option>
                  {programs.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <span className="hint">&nbsp;</span>
              </div>
            </>
          ) : null}
          <div className="field">
            <label htmlFor="requests-sort">{t("requests.list.sortLabel")}</label>
            <select id="requests-sort" name="sort" defaultValue={filters.sort}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`requests.list.sort.${s}`)}
                </option>
              ))}
            </select>
            <span className="hint">&nbsp;</span>
          </div>
          <div className="field">
            <label htmlFor="requests-dir">{t("requests.list.dirLabel")}</label>
            <select id="requests-dir" name="dir" defaultValue={filters.dir}>
              {DIRS.map((d) => (
                <option key={d} value={d}>
                  {t(`requests.list.dir.${d}`)}
                </option>
              ))}
            </select>
            <span className="hint">&nbsp;</span>
          </div>
          <div className="row">
            <button type="submit" className="btn">
              {t("requests.list.apply")}
            </button>
            {isFiltered ? <Link href={requestsListHref(filters, { q: undefined, status: undefined, category: undefined, country: undefined, program: undefined })}>{t("requests.list.clear")}</Link> : null}
          </div>
        </div>
      </form>

      <p role="status">{plural(t, locale, "requests.list.total", list.total)}</p>

      {list.rows.length === 0 ? (
        <p className="muted">
          {isFiltered ? t("requests.list.emptyFiltered") : canFile ? t("requests.list.emptyOwn") : t("requests.list.emptyAll")}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="muted">
              {t("requests.list.caption", { sort: t(`requests.list.sort.${filters.sort}`), dir: t(`requests.list.dir.${filters.dir}`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("requests.list.columns.reference")}</th>
                <th scope="col">{t("requests.list.columns.title")}</th>
                {readsAll ? <th scope="col">{t("requests.list.columns.country")}</th> : null}
                <th scope="col">{t("requests.list.columns.category")}</th>
                <th scope="col">{t("requests.list.columns.status")}</th>
                <th scope="col">{t("requests.list.columns.urgency")}</th>
                <th scope="col">{t("requests.list.columns.cost")}</th>
                <th scope="col">{t("requests.list.columns.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => {
                const title = displayTitle(row, locale);
                const urgency = row.urgency === "low" || row.urgency === "medium" || row.urgency === "high" || row.urgency === "critical" ? row.urgency : null;
                return (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link href={`/requests/${encodeURIComponent(row.id)}`}>{row.reference}</Link>
                    </th>
                    <td>{title ? <span lang={title.lang}>{title.text}</span> : <span className="muted">{t("requests.detail.untitled")}</span>}</td>
                    {readsAll ? <td>{locale === "es" ? row.countryNameEs : row.countryNameEn}</td> : null}
                    <td>{row.category ? t(`common.categories.${row.category}`) : notGiven}</td>
                    <td>
                      <span className={statusBadgeClass(row.status)}>{t(`requests.status.${row.status}`)}</span>
                    </td>
                    <td>{urgency ? t(`requests.urgency.${urgency}`) : notGiven}</td>
                    <td>{row.estimatedCostMinor === null ? notGiven : formatMoney(row.estimatedCostMinor, row.currency, locale)}</td>
                    <td>
                      <time dateTime={row.updatedAt.toISOString()}>{formatDate(row.updatedAt, locale)}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label={t("requests.list.pagination.label")} className="row">
          {list.page > 1 ? (
            <Link className="btn" href={requestsListHref(filters, { page: list.page - 1 })} rel="prev">
              {t("requests.list.pagination.previous")}
            </Link>
          ) : null}
          <span aria-current="page">{t("requests.list.pagination.pageOf", { page: list.page, pages: list.pageCount })}</span>
          {list.page < list.pageCount ? (
            <Link className="btn" href={requestsListHref(filters, { page: list.page + 1 })} rel="next">
              {t("requests.list.pagination.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
