// GET /api/v1/push/public-key — the VAPID public key the browser subscribes with ({ publicKey: null } when web
// push is off). No sign-in: the key is public by design, and reading it at run time spares a build-time variable.
import { apiHandler } from "@/lib/http/api";
import { PushPublicKeyView } from "@/lib/push/contracts";
import { vapidPublicKey } from "@/lib/push/config";

// read per request: the environment decides, not the build
export const dynamic = "force-dynamic";

export const GET = apiHandler(
  { auth: false, output: PushPublicKeyView },
  () => ({ publicKey: vapidPublicKey() }) satisfies PushPublicKeyView,
);
