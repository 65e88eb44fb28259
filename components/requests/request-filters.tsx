import Link from "next/link";
import type { ReactNode } from "react";
import { ASSISTANCE_CATEGORIES, type RequestStatus } from "@/lib/enums";
import type { Translate } from "@/lib/i18n/translate";
import type { RequestListFilters } from "@/lib/requests/schema";
import { requestsListHref } from "./list-links";

const SORTS = ["updated", "created", "cost", "reference"] as const;
const DIRS = ["desc", "asc"] as const;

/** A choice of the list's filters (a plain select: the form is a GET that works without scripts). */
function FilterSelect({ name, label, value, children }: { name: string; label: string; value: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={`requests-${name}`}>{label}</label>
      <select id={`requests-${name}`} name={name} defaultValue={value}>
        {children}
      </select>
      <span className="hint">&nbsp;</span>
    </div>
  );
}

export interface RequestFiltersProps {
  filters: RequestListFilters;
  /** The statuses this reader may filter on. */
  statuses: readonly RequestStatus[];
  /** Country and program filters: the officers' only (empty lists hide them). */
  readsAll: boolean;
  countries: { iso2: string; name: string }[];
  programs: { id: string; name: string }[];
  isFiltered: boolean;
  t: Translate;
}

/** The requests list's search, filters and sort, sent as the page's query (?q=&status=&sort=...). */
export function RequestFilters({ filters, statuses, readsAll, countries, programs, isFiltered, t }: RequestFiltersProps) {
  return (
    <form method="get" action="/requests" className="card" role="search" aria-label={t("requests.list.filtersLabel")}>
      <div className="row items-end">
        <div className="field">
          <label htmlFor="requests-q">{t("requests.list.searchLabel")}</label>
          <input id="requests-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} aria-describedby="requests-q-hint" />
          <span className="hint" id="requests-q-hint">
            {t("requests.list.searchHint")}
          </span>
        </div>
        <FilterSelect name="status" label={t("requests.list.statusLabel")} value={filters.status ?? ""}>
          <option value="">{t("requests.list.anyStatus")}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`requests.status.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="category" label={t("requests.list.categoryLabel")} value={filters.category ?? ""}>
          <option value="">{t("requests.list.anyCategory")}</option>
          {ASSISTANCE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`common.categories.${c}`)}
            </option>
          ))}
        </FilterSelect>
        {readsAll ? (
          <>
            <FilterSelect name="country" label={t("requests.list.countryLabel")} value={filters.country ?? ""}>
              <option value="">{t("requests.list.anyCountry")}</option>
              {countries.map((c) => (
                <option key={c.iso2} value={c.iso2}>
                  {c.name}
                </option>
              ))}
            </FilterSelect>
            <FilterSelect name="program" label={t("requests.list.programLabel")} value={filters.program ?? ""}>
              <option value="">{t("requests.list.anyProgram")}</option>
              {programs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </FilterSelect>
          </>
        ) : null}
        <FilterSelect name="sort" label={t("requests.list.sortLabel")} value={filters.sort}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`requests.list.sort.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="dir" label={t("requests.list.dirLabel")} value={filters.dir}>
          {DIRS.map((d) => (
            <option key={d} value={d}>
              {t(`requests.list.dir.${d}`)}
            </option>
          ))}
        </FilterSelect>
        <div className="row">
          <button type="submit" className="btn">
            {t("requests.list.apply")}
          </button>
          {isFiltered ? (
            <Link href={requestsListHref(filters, { q: undefined, status: undefined, category: undefined, country: undefined, program: undefined })}>
              {t("requests.list.clear")}
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}
