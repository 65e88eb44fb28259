import { renderToBuffer } from "@react-pdf/renderer";
import type { AwardOverview, ProgramOverview } from "@/lib/dashboards/types";
import type { Locale } from "@/lib/i18n/config";
import { AwardReport } from "./award-report";
import { registerPdfFonts } from "./fonts";
import { ProgramReport } from "./program-report";

/**
 * The program progress report as PDF bytes. For callers that already hold a ProgramOverview, which
 * only getProgramOverview (visibility-checked) produces: this function itself checks nothing.
 */
export async function renderProgramReport(overview: ProgramOverview, locale: Locale): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<ProgramReport overview={overview} locale={locale} />);
}

/** The award progress report as PDF bytes. For callers holding an AwardOverview from getAwardOverview. */
export async function renderAwardReport(overview: AwardOverview, locale: Locale): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<AwardReport overview={overview} locale={locale} />);
}
