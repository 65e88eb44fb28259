"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { AUTOMATIC_CHECK_KEYS, type AutomaticChecks } from "@/lib/screening/checks";

/** The automatic checks of one program as a list, each marked Pass or Fail in words (not colour alone). */
export function AutomaticCheckList({ checks, id }: { checks: AutomaticChecks; id?: string }) {
  const { t } = useI18n();
  const passed = AUTOMATIC_CHECK_KEYS.filter((key) => checks[key]).length;
  return (
    <div id={id}>
      <p className="small muted m-0">
        {t("officer.checks.summary", { passed, total: AUTOMATIC_CHECK_KEYS.length })}
      </p>
      <ul className="small list-plain mt-1">
        {AUTOMATIC_CHECK_KEYS.map((key) => (
          <li key={key} data-testid={`check-${key}`} data-pass={checks[key] ? "true" : "false"}>
            <span className={checks[key] ? "badge badge-success" : "badge badge-danger"}>
              <span aria-hidden="true">{checks[key] ? "✓ " : "✗ "}</span>
              {checks[key] ? t("officer.checks.pass") : t("officer.checks.fail")}
            </span>{" "}
            {t(`officer.checks.${key}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
