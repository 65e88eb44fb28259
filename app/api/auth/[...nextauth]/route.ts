import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";

export const GET = handlers.GET;

/**
 * Sign-in links are requested only through the portal's sign-in form, which rate-limits them;
 * Auth.js's own sign-in POST endpoint is closed so nobody can bypass that.
 */
export async function POST(request: NextRequest) {
  if (new URL(request.url).pathname.includes("/signin")) {
    return Response.json({ error: "Use the sign-in page." }, { status: 404 });
  }
  return handlers.POST(request);
}
