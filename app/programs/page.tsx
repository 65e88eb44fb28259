import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserWithPermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { NotFoundError } from "@/lib/errors";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { listProgramFunds } from "@/lib/programs/queries";

export const dynamic = "force-dynamic";

const NOTICES = ["created", "updated"] as const;
type Notice = (typeof NOTICES)[number];

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("programs.list.title")} · ${t("common.appName")}` };
}

/**
 * Every program's ceiling, committed, pending approval and remaining funds. Officers, approvers and
 * admins (admins also create and edit programs); anyone else gets a 404.
 */
export default async function ProgramsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserWithPermission("programs.readAll").catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { notice: rawNotice } = await searchParams;
  const notice = (NOTICES as readonly string[]).includes(String(rawNotice)) ? (rawNotice as Notice) : null;
  const { t, locale } = await getI18n();
  const rows = await listProgramFunds(user);
  const canManage = hasPermission(user, "programs.manage");
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);

  return (
    <div className="stack">
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(`programs.notices.${notice}`)}
        </div>
      ) : null}
      <div className="row justify-between">
        <h1>{t("programs.list.title")}</h1>
        {canManage ? (
          <Link className="btn btn-primary" href="/programs/new">
            {t("programs.list.newProgram")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t("programs.list.intro")}</p>

      {rows.length === 0 ? (
        <p className="muted">{t("programs.list.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="programs-table">
            <caption className="muted">
              {t("programs.list.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("programs.list.columns.name")}</th>
                <th scope="col">{t("programs.list.columns.period")}</th>
                <th scope="col">{t("programs.list.columns.ceiling")}</th>
                <th scope="col">{t("programs.list.columns.committed")}</th>
                <th scope="col">{t("programs.list.columns.pending")}</th>
                <th scope="col">{t("programs.list.columns.remaining")}</th>
                {canManage ? <th scope="col">{t("programs.list.columns.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const money = (minor: number) => formatMoney(minor, p.currency, locale);
                return (
                  <tr key={p.id}>
                    <th scope="row">
                      {name(p)}
                      {p.isDemoFigures ? (
                        <div>
                          <span className="badge" title={t("programs.list.demoFiguresHint")}>
                            {t("programs.list.demoFigures")}
                          </span>
                        </div>
                      ) : null}
                    </th>
                    <td>{t("programs.list.periodValue", { start: formatDate(p.startsOn, locale), end: formatDate(p.endsOn, locale) })}</td>
                    <td className="nowrap">{money(p.ceilingMinor)}</td>
                    <td className="nowrap">{money(p.committedMinor)}</td>
                    <td className="nowrap">{money(p.pendingMinor)}</td>
                    <td className="nowrap">
                      <strong>{money(p.remainingMinor)}</strong>
                    </td>
                    {canManage ? (
                      <td>
                        <Link href={`/programs/${encodeURIComponent(p.id)}/edit`} aria-label={t("programs.list.editProgram", { name: name(p) })}>
                          {t("programs.list.edit")}
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {rows.some((p) => p.isDemoFigures) ? <p className="muted small">{t("programs.list.demoFiguresHint")}</p> : null}
    </div>
  );
}
