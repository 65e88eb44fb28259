import { getI18n } from "@/lib/i18n/server";
import { officerNoticeKey } from "./notices";

/**
 * The confirmation after an officer action (the actions redirect with `?notice=`). Pass the page's
 * raw `notice` search parameter; renders nothing for any value that is not one of these notices.
 */
export async function OfficerNoticeBanner({ notice }: { notice: string | string[] | undefined }) {
  const key = officerNoticeKey(Array.isArray(notice) ? notice[0] : notice);
  if (!key) return null;
  const { t } = await getI18n();
  return (
    <div className="alert alert-success" role="status" data-testid="officer-notice">
      {t(key)}
    </div>
  );
}
