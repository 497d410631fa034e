// The sign-in form's field check (the token contract), split off so that the form can import it when it is
// first used: the contract brings zod, which would otherwise be most of the sign-in page's own JavaScript.
// first: the contract below must be built without eval (see the module)
import "@/lib/security/zod-jitless";

export { TokenInput } from "@/lib/contracts/member";
