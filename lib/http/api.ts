// The route wrapper bound to the real authentication (bearer token or session cookie).
import { authenticate } from "@/lib/auth/authenticate";
import { isDomainError } from "@/lib/domain/errors";
import { IDEMPOTENT_REPLAYED_HEADER, createApiHandler } from "./handler";

export const apiHandler = createApiHandler({ authenticate });

/** the answer of an idempotent service call; a replay (success or refusal) is marked Idempotent-Replayed: true */
export async function replayAware<T>(responseHeaders: Headers, call: Promise<{ replayed: boolean } & T>): Promise<T> {
  try {
    const answer = await call;
    if (answer.replayed) responseHeaders.set(IDEMPOTENT_REPLAYED_HEADER, "true");
    return answer;
  } catch (e) {
    if (isDomainError(e) && e.replayed) responseHeaders.set(IDEMPOTENT_REPLAYED_HEADER, "true");
    throw e;
  }
}
