// /api/auth/* — next-auth: password sign-in (Credentials), Naver and Kakao sign-in and their callbacks, CSRF
// token, sign-out. The handler and its options live in lib/auth.
import { createAuthRouteHandlers } from "@/lib/auth/nextauth-route";
import { authOptions } from "@/lib/auth/options";

export const { GET, POST } = createAuthRouteHandlers((context) => authOptions(context));
