// Runs before every page request (not /api, not static files):
// 1. the Content-Security-Policy, with a fresh nonce per request (lib/security/headers.ts);
// 2. route protection: every page except the landing page, sign-in and sign-up needs a session. A visitor
//    without a valid session cookie is sent to /signin and brought back afterwards. This is the quick check
//    of the cookie alone; the (app) layout and requireMember() check the member in the database.
import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/current-member-header";
import { signInPathFor } from "@/lib/auth/redirect";
import { decodeSessionToken, sessionTokenFrom } from "@/lib/auth/session";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { isPrerendered } from "@/lib/security/prerendered";

/** pages anyone may see */
const PUBLIC_PAGES = new Set(["/", "/signin", "/signup"]);

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  // A server action posts to the page it is on; it checks the member itself (memberAction) and must get its
  // own refusal, not a redirect to a page that does not have the action.
  const isServerAction = request.method === "POST" && request.headers.has("next-action");
  if (!PUBLIC_PAGES.has(pathname) && !isServerAction) {
    const memberId = await decodeSessionToken(sessionTokenFrom(request.cookies.getAll()));
    if (!memberId) {
      const response = NextResponse.redirect(new URL(signInPathFor(`${pathname}${search}`), request.url));
      response.headers.set("Cache-Control", "no-store");
      return response;
    }
  }

  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { prerendered: isPrerendered(pathname) });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy); // Next.js takes the nonce from here
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(REQUESTED_PATH_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    // pages only: not the API (it answers 401 itself), not Next's files, not files with an extension (public/)
    "/((?!api/|_next/|favicon\\.ico$|.*\\.[A-Za-z0-9]+$).*)",
  ],
};
