import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <div className="error-page card stack">
      <h1>{t("common.errors.notFoundTitle")}</h1>
      <p>{t("common.errors.notFoundBody")}</p>
      <Link href="/" className="btn">
        {t("common.errors.backHome")}
      </Link>
    </div>
  );
}
