import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { endDelegation } from "@/lib/delegations/end-delegation";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH } = methodsNotAllowed(["DELETE"]);

/** Ends the delegation now; the row stays for the record. */
export const DELETE = withApiKey<{ id: string }>(async ({ db, principal, params }) => ({ body: await endDelegation(db, principal, params.id) }));
