import { renderToBuffer } from "@react-pdf/renderer";
import { asProgramReport } from "@/lib/dashboards/report";
import type { AwardOverview, ProgramOverview, ProgramReport } from "@/lib/dashboards/types";
import type { Locale } from "@/lib/i18n/config";
import { AwardReport } from "./award-report";
import { registerPdfFonts } from "./fonts";
import { ProgramReportDocument } from "./program-report";

/**
 * The program progress report as PDF bytes. For callers that already hold a ProgramReport, which only
 * getProgramReport (visibility-checked) produces, or a whole ProgramOverview (getProgramOverview), which is
 * cut the same way (programReportOf): this function itself checks nothing.
 */
export async function renderProgramReport(report: ProgramReport | ProgramOverview, locale: Locale): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<ProgramReportDocument overview={asProgramReport(report)} locale={locale} />);
}

/** The award progress report as PDF bytes. For callers holding an AwardOverview from getAwardOverview. */
export async function renderAwardReport(overview: AwardOverview, locale: Locale): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<AwardReport overview={overview} locale={locale} />);
}
