import { withPublicRoute } from "@/lib/api/with-public-route";
import { beginPasskeyAuthentication } from "@/lib/second-factors/begin-passkey-authentication";

/** POST /sign-in/passkey — a challenge for signing in with a passkey (public; the browser then answers it through next-auth's "passkey" provider). */
export const POST = withPublicRoute(({ db }) => beginPasskeyAuthentication(db, { purpose: "sign_in" }));
