import Link from "next/link";
import { ProgramForm } from "@/components/programs/program-form";
import { requireUserWithPermission } from "@/lib/auth/current-user";
import { formatMoney } from "@/lib/i18n/format";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { getI18n } from "@/lib/i18n/server";
import { getProgramForAdmin, getProgramFormOptions } from "@/lib/programs/queries";
import { minorToMajor } from "@/lib/money";
import { updateProgramAction } from "../../actions";

export const dynamic = "force-dynamic";


export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("programs.list.edit")} · ${t("common.appName")}` };
}

/** "150000.00" -> "150000", as an administrator would type it. */
function amountInput(minor: number): string {
  const major = minorToMajor(minor);
  return major.endsWith(".00") ? major.slice(0, -3) : major;
}

/** One program's edit form, with what is committed against it. Administrators only; anyone else gets a 404. */
export default async function EditProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUserWithPermission("programs.manage").catch(rethrowAsNotFound);
  const { id } = await params;
  const [program, options] = await Promise.all([getProgramForAdmin(user, id).catch(rethrowAsNotFound), getProgramFormOptions(user)]);
  const { t, locale } = await getI18n();
  const collator = new Intl.Collator(locale);
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);
  const money = (minor: number) => formatMoney(minor, program.currency, locale);
  const version = program.updatedAt.toISOString();

  return (
    <div className="stack">
      <p>
        <Link href="/programs">{t("programs.edit.back")}</Link>
      </p>
      <div className="card stack max-w-content">
        <h1>{t("programs.edit.title", { name: name(program) })}</h1>
        <p className="muted">{t("programs.edit.intro")}</p>
        <p className="alert alert-info">
          {t("programs.edit.funds", { committed: money(program.committedMinor), pending: money(program.pendingMinor) })}
        </p>
        {/* Keyed by version: after a save the form starts again from the stored values and new version. */}
        <ProgramForm
          key={version}
          mode="edit"
          programId={program.id}
          action={updateProgramAction}
          cancelHref="/programs"
          isRubricLocked={program.isRubricLocked}
          defaultValues={{
            nameEn: program.nameEn,
            nameEs: program.nameEs,
            currency: "USD",
            ceiling: amountInput(program.ceilingMinor),
            perAwardCap: program.perAwardCapMinor === null ? "" : amountInput(program.perAwardCapMinor),
            approvalThreshold: amountInput(program.approvalThresholdMinor),
            startsOn: program.startsOn,
            endsOn: program.endsOn,
            donorIds: program.donorIds,
            countryIsos: program.countryIsos,
            categories: program.categories,
            rubric: program.rubric.map((c) => ({ key: c.key, nameEn: c.nameEn, nameEs: c.nameEs, weight: String(c.weight) })),
            expectedUpdatedAt: version,
          }}
          donors={options.donors.map((d) => ({ id: d.id, name: name(d) })).sort((a, b) => collator.compare(a.name, b.name))}
          countries={options.countries.map((c) => ({ iso2: c.iso2, name: name(c), region: c.region })).sort((a, b) => collator.compare(a.name, b.name))}
        />
      </div>
    </div>
  );
}
