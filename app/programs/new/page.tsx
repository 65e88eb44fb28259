import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgramForm } from "@/components/programs/program-form";
import { requireUserWithPermission } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import { DEFAULT_RUBRIC } from "@/lib/programs/default-rubric";
import { getProgramFormOptions } from "@/lib/programs/queries";
import { createProgramAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("programs.new.title")} · ${t("common.appName")}` };
}

/** The form for a new program, starting from the default rubric. Administrators only; anyone else gets a 404. */
export default async function NewProgramPage() {
  const user = await requireUserWithPermission("programs.manage").catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { t, locale } = await getI18n();
  const options = await getProgramFormOptions(user);
  const collator = new Intl.Collator(locale);
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);

  return (
    <div className="stack">
      <p>
        <Link href="/programs">{t("programs.new.back")}</Link>
      </p>
      <div className="card stack max-w-content">
        <h1>{t("programs.new.title")}</h1>
        <p className="muted">{t("programs.new.intro")}</p>
        <ProgramForm
          mode="create"
          action={createProgramAction}
          cancelHref="/programs"
          defaultValues={{
            key: "",
            nameEn: "",
            nameEs: "",
            currency: "USD",
            ceiling: "",
            perAwardCap: "",
            approvalThreshold: "",
            startsOn: "",
            endsOn: "",
            donorIds: [],
            countryIsos: [],
            categories: [],
            rubric: DEFAULT_RUBRIC.map((c) => ({ key: c.key, nameEn: c.nameEn, nameEs: c.nameEs, weight: String(c.weight) })),
          }}
          donors={options.donors.map((d) => ({ id: d.id, name: name(d) })).sort((a, b) => collator.compare(a.name, b.name))}
          countries={options.countries.map((c) => ({ iso2: c.iso2, name: name(c), region: c.region })).sort((a, b) => collator.compare(a.name, b.name))}
        />
      </div>
    </div>
  );
}
