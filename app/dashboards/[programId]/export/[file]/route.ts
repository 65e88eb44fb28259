import { getCurrentUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { downloadResponse, notFoundResponse } from "@/lib/http/download";
import { isExportFile, streamProgramCsv } from "@/lib/exports/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ programId: string; file: string }> };

/**
 * Downloads a program's awards.csv, disbursements.csv or indicator-actuals.csv, headers in the user's
 * language, streamed batch by batch. Whoever may open the program's dashboard; everyone else, signed in
 * or not, and any other file name get a plain 404 (decided before the first byte). A failure once the
 * file has started cannot become an error page: the download is cut off (lib/http/text-stream.ts).
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { programId, file } = await params;
  const kind = file.endsWith(".csv") ? file.slice(0, -".csv".length) : "";
  if (!isExportFile(kind)) return notFoundResponse();
  const user = await getCurrentUser();
  if (!user) return notFoundResponse();
  let csv: { filename: string; stream: ReadableStream<Uint8Array> };
  try {
    csv = await streamProgramCsv(user, programId, kind, user.locale);
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundResponse();
    throw error;
  }
  return downloadResponse(csv.stream, { contentType: "text/csv; charset=utf-8", filename: csv.filename });
}
