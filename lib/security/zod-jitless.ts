// zod 4 compiles object parsers with `new Function` where it can, and probes for that once when a schema is
// built. Under the pages' Content-Security-Policy (no 'unsafe-eval') the probe is refused, harmlessly but
// reported as a violation. Browser code that validates with zod imports this module BEFORE any schema module,
// so that the schemas are built jitless. The server has no CSP and keeps the fast path.
import * as z from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
