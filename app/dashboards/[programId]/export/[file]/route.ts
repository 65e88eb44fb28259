import { getCurrentUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { exportProgramCsv, isExportFile } from "@/lib/exports/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ programId: string; file: string }> };

const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Downloads a program's awards.csv, disbursements.csv or indicator-actuals.csv, headers in the user's
 * language. Whoever may open the program's dashboard; everyone else, signed in or not, and any other
 * file name get a plain 404.
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { programId, file } = await params;
  const kind = file.endsWith(".csv") ? file.slice(0, -".csv".length) : "";
  if (!isExportFile(kind)) return notFound();
  const user = await getCurrentUser();
  if (!user) return notFound();
  let csv: { filename: string; body: string };
  try {
    csv = await exportProgramCsv(user, programId, kind, user.locale);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
  // The program key is [a-z0-9-], but a stray quote or backslash must never break the header.
  const filename = csv.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(csv.body, {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}
