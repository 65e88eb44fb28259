import { getCurrentUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import { EmptyIatiExportError } from "@/lib/iati/build";
import { exportProgramIati } from "@/lib/iati/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ programId: string }> };

const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Downloads the program's IATI 2.03 activities file. Whoever may open the program's dashboard;
 * everyone else, signed in or not, gets a plain 404. A program with no active or completed award
 * answers 409 with a sentence in the user's language (IATI files need at least one activity).
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { programId } = await params;
  const user = await getCurrentUser();
  if (!user) return text(404, "Not found");
  let file: { filename: string; xml: string };
  try {
    file = await exportProgramIati(user, programId);
  } catch (error) {
    if (error instanceof NotFoundError) return text(404, "Not found");
    if (error instanceof EmptyIatiExportError) {
      const { t } = await getI18n();
      return text(409, t("iati.errors.nothingToExport"));
    }
    throw error;
  }
  // The program key is [a-z0-9-], but a stray quote or backslash must never break the header.
  const filename = file.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(file.xml, {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}
