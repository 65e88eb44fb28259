import Link from "next/link";
import { notFound } from "next/navigation";
import { createAwardAction } from "@/app/awards/actions";
import { AwardForm } from "@/components/awards/award-form";
import { awardStatusBadgeClass } from "@/components/awards/award-labels";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { getAwardFormContext, getAwardPanel } from "@/lib/awards/queries";
import { isUuid } from "@/lib/ids";
import { formatMoney } from "@/lib/i18n/format";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { getI18n } from "@/lib/i18n/server";
import { minorToMajor } from "@/lib/money";

export const dynamic = "force-dynamic";


export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("awards.new.title")} · ${t("common.appName")}` };
}

/** "150000.00" -> "150000": whole amounts are shown as the officer would type them. */
function amountInput(minor: number): string {
  const major = minorToMajor(minor);
  return major.endsWith(".00") ? major.slice(0, -3) : major;
}

/** The award form for an approved request (?request=<id>). Program officers; anyone else gets a 404. */
export default async function NewAwardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!hasPermission(user, "awards.create")) notFound();
  const { request: rawRequest } = await searchParams;
  const requestId = Array.isArray(rawRequest) ? rawRequest[0] : rawRequest;
  if (!isUuid(requestId)) notFound();
  const context = await getAwardFormContext(user, requestId).catch(rethrowAsNotFound);
  const { t, locale } = await getI18n();
  const { request } = context;
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);
  const title = (locale === "es" ? request.titleEs : request.titleEn) ?? (request.primaryLocale === "es" ? request.titleEs : request.titleEn);
  const requestHref = `/requests/${encodeURIComponent(request.id)}`;
  const existing = context.isApproved ? null : await getAwardPanel(user, request.id);
  const suggestedAmount = request.estimatedCostMinor && request.estimatedCostMinor > 0 ? amountInput(request.estimatedCostMinor) : "";
  const startsOn = request.desiredStartOn ?? "";

  return (
    <div className="stack">
      <p>
        <Link href={requestHref}>{t("awards.new.back")}</Link>
      </p>
      <div className="card stack max-w-content">
        <h1>{t("awards.new.title")}</h1>
        <p>{t("awards.new.intro")}</p>
        <section className="stack" aria-labelledby="award-request">
          <h2 id="award-request">{t("awards.new.requestHeading")}</h2>
          <p className="m-0">
            <strong>{title ?? request.reference}</strong>
          </p>
          <p className="muted m-0">
            {t("awards.new.requestLine", { reference: request.reference, country: name(request.country) })}
            {request.category ? ` · ${t(`common.categories.${request.category}`)}` : null}
          </p>
          {request.estimatedCostMinor !== null ? (
            <p className="muted m-0">
              {t("awards.new.estimatedCost", { amount: formatMoney(request.estimatedCostMinor, request.currency, locale) })}
            </p>
          ) : null}
        </section>

        {!context.isApproved ? (
          <div className="alert alert-info stack" role="status">
            <p className="m-0">{t("awards.new.notApproved", { status: t(`requests.status.${request.status}`) })}</p>
            {existing && existing.awards.length > 0 ? (
              <>
                <p className="m-0">{t("awards.new.alreadyAwarded")}</p>
                <ul>
                  {existing.awards.map((a) => (
                    <li key={a.id}>
                      <Link href={`/awards/${encodeURIComponent(a.id)}`}>{a.reference}</Link>{" "}
                      <span className={awardStatusBadgeClass(a.status)}>{t(`awards.status.${a.status}`)}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : context.programs.length === 0 ? (
          <div className="alert alert-info" role="status">
            {t("awards.new.noPrograms")}
          </div>
        ) : (
          <AwardForm
            defaultValues={{
              requestId: request.id,
              expectedVersion: request.version,
              // A single eligible program is preselected.
              programId: context.programs.length === 1 ? context.programs[0].id : "",
              implementingPartnerId: "",
              amount: suggestedAmount,
              startsOn,
              endsOn: "",
              tranches: [{ amount: suggestedAmount, plannedOn: startsOn }],
              deliverables: [],
            }}
            programs={context.programs}
            partners={context.partners.map((p) => ({ id: p.id, name: name(p) }))}
            cancelHref={requestHref}
            action={createAwardAction}
          />
        )}
      </div>
    </div>
  );
}
