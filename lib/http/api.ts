// The route wrapper bound to the real authentication (bearer token or session cookie).
import { authenticate } from "@/lib/auth/authenticate";
import { createApiHandler } from "./handler";

export const apiHandler = createApiHandler({ authenticate });
