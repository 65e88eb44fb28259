import { getCurrentUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { downloadResponse, notFoundResponse, textResponse } from "@/lib/http/download";
import { getI18n } from "@/lib/i18n/server";
import { EmptyIatiExportError } from "@/lib/iati/build";
import { streamProgramIati } from "@/lib/iati/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ programId: string }> };

/**
 * Downloads the program's IATI 2.03 activities file, streamed batch by batch. Whoever may open the
 * program's dashboard; everyone else, signed in or not, gets a plain 404. A program with no active or
 * completed award answers 409 with a sentence in the user's language (IATI files need at least one
 * activity). Both are decided before the first byte; a failure once the file has started cannot become
 * an error page: the download is cut off (lib/http/text-stream.ts).
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { programId } = await params;
  const user = await getCurrentUser();
  if (!user) return notFoundResponse();
  let file: { filename: string; stream: ReadableStream<Uint8Array> };
  try {
    file = await streamProgramIati(user, programId);
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundResponse();
    if (error instanceof EmptyIatiExportError) {
      const { t } = await getI18n();
      return textResponse(409, t("iati.errors.nothingToExport"));
    }
    throw error;
  }
  return downloadResponse(file.stream, { contentType: "application/xml; charset=utf-8", filename: file.filename });
}
