import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { assertPerson } from "@/lib/permissions/can";
import type { SavedViewDto } from "./saved-view-schemas";

/** The person's own views of the intents list, by name; never anyone else's. */
export async function listSavedViews(db: DbOrTx, principal: Actor): Promise<SavedViewDto[]> {
  assertPerson(principal, "saved_view.manage");
  return db.savedView.findMany({
    where: { orgId: principal.orgId, userId: principal.userId },
    select: { id: true, name: true, query: true },
    orderBy: { name: "asc" },
  });
}
