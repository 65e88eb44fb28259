import { getCurrentUser } from "@/lib/auth/current-user";
import { getProgramReport } from "@/lib/dashboards/queries";
import type { ProgramReport } from "@/lib/dashboards/types";
import { NotFoundError } from "@/lib/errors";
import { notFoundResponse } from "@/lib/http/download";
import { pdfResponse, reportFilename, reportLocale } from "@/lib/pdf/http";
import { renderReport } from "@/lib/pdf/pool";

export const dynamic = "force-dynamic";
// react-pdf needs Node (fonts from disk, Buffer); never the edge runtime.
export const runtime = "nodejs";

type Params = { params: Promise<{ programId: string }> };

/**
 * Downloads the program's progress report as PDF (`?lang=en|es`, else the reader's language).
 * Whoever may open the program's dashboard; everyone else, signed in or not, gets a plain 404.
 */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { programId } = await params;
  const user = await getCurrentUser();
  if (!user) return notFoundResponse();
  let overview: ProgramReport;
  try {
    overview = await getProgramReport(user, programId);
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundResponse();
    throw error;
  }
  const pdf = await renderReport({ kind: "program", overview }, reportLocale(request.url, user.locale));
  return pdfResponse(pdf, reportFilename(overview.program.key, overview.asOf));
}
