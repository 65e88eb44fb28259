import { getCurrentUser } from "@/lib/auth/current-user";
import { getAwardOverview } from "@/lib/dashboards/queries";
import type { AwardOverview } from "@/lib/dashboards/types";
import { NotFoundError } from "@/lib/errors";
import { notFoundResponse } from "@/lib/http/download";
import { pdfResponse, reportFilename, reportLocale } from "@/lib/pdf/http";
import { renderReport } from "@/lib/pdf/pool";

export const dynamic = "force-dynamic";
// react-pdf needs Node (fonts from disk, Buffer); never the edge runtime.
export const runtime = "nodejs";

type Params = { params: Promise<{ programId: string; awardId: string }> };

/**
 * Downloads one award's progress report as PDF (`?lang=en|es`, else the reader's language). Whoever
 * may open the dashboard of the award's program, and only under that program's URL; everyone else,
 * signed in or not, gets a plain 404.
 */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { programId, awardId } = await params;
  const user = await getCurrentUser();
  if (!user) return notFoundResponse();
  let overview: AwardOverview;
  try {
    overview = await getAwardOverview(user, awardId, { programId });
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundResponse();
    throw error;
  }
  const pdf = await renderReport({ kind: "award", overview }, reportLocale(request.url, user.locale));
  return pdfResponse(pdf, reportFilename(overview.award.reference, overview.asOf));
}
