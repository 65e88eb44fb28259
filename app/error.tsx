"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";

/** Any failure of a page, including a database outage: a friendly message, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error-page card stack" role="alert">
      <h1>{t("common.errors.unavailableTitle")}</h1>
      <p>{t("common.errors.unavailableBody")}</p>
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={() => reset()}>
          {t("common.errors.retry")}
        </button>
        <Link href="/" className="btn">
          {t("common.errors.backHome")}
        </Link>
      </div>
    </div>
  );
}
