import Link from "next/link";
import { ProgramGlances } from "@/components/dashboards/program-glance";
import { NeedsAttention } from "@/components/layout/needs-attention";
import type { Role } from "@/lib/enums";
import type { MessageKey } from "@/lib/i18n/translate";
import { requireUser } from "@/lib/auth/current-user";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { loadHome } from "./load-home";

export const dynamic = "force-dynamic";

/** Where each role's home card leads. */
const HOME_LINKS: Record<Role, { href: string; label: MessageKey }> = {
  focal_point: { href: "/requests", label: "home.openRequests" },
  program_officer: { href: "/requests", label: "home.openRequests" },
  implementing_partner: { href: "/awards", label: "home.openAwards" },
  reviewer: { href: "/reviews", label: "home.openReviews" },
  approver: { href: "/approvals", label: "home.openApprovals" },
  donor: { href: "/dashboards", label: "dashboards.homeLink" },
  admin: { href: "/admin/users", label: "home.manageUsers" },
};

/** The home page: one card per role the user holds, and the programs that user may see. */
export default async function HomePage() {
  const user = await requireUser();
  const { t, locale } = await getI18n();
  const { programList, glances, attention } = await loadHome(user);
  const country = user.country ? (locale === "es" ? user.country.nameEs : user.country.nameEn) : "";
  const organization = user.organization ? (locale === "es" ? user.organization.nameEs : user.organization.nameEn) : "";
  return (
    <div className="stack">
      <h1>{t("home.welcome", { name: user.name ?? user.email })}</h1>
      <p className="muted">
        {t("home.yourRoles")}: {user.roles.map((role) => t(`common.roles.${role}`)).join(", ")}
        {country ? ` · ${t("home.country", { country })}` : ""}
        {organization ? ` · ${t("home.organization", { organization })}` : ""}
      </p>
      <NeedsAttention {...attention} />
      <div className="grid">
        {user.roles.map((role) => (
          <section key={role} className="card stack" data-testid={`home-card-${role}`}>
            <h2>{t(`home.cards.${role}.title`)}</h2>
            <p>{t(`home.cards.${role}.body`, { country, organization })}</p>
            <Link href={HOME_LINKS[role].href} className="btn btn-primary">
              {t(HOME_LINKS[role].label)}
            </Link>
          </section>
        ))}
      </div>
      {glances.length > 0 ? (
        <section className="stack" aria-labelledby="home-glances">
          <h2 id="home-glances">{t("dashboards.glance.homeHeading")}</h2>
          <p className="muted">{t("dashboards.glance.intro")}</p>
          <ProgramGlances glances={glances} t={t} locale={locale} />
        </section>
      ) : null}
      {programList.length > 0 ? (
        <section>
          <h2>{t("home.programsTitle")}</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("home.programsTitle")}</th>
                  <th scope="col">{t("home.programCeiling")}</th>
                  <th scope="col">{t("home.programPeriod")}</th>
                </tr>
              </thead>
              <tbody>
                {programList.map((p) => (
                  <tr key={p.id}>
                    <td>{locale === "es" ? p.nameEs : p.nameEn}</td>
                    <td>
                      {formatMoney(p.ceilingMinor, p.currency, locale)}{" "}
                      {p.isDemoFigures ? <span className="badge">{t("home.demoFigures")}</span> : null}
                    </td>
                    <td>
                      {formatDate(p.startsOn, locale)} – {formatDate(p.endsOn, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
