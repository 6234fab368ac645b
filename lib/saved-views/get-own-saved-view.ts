import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { assertCan, assertPerson } from "@/lib/permissions/can";

/** The view with this id if it is the person's own; anyone else's, in any organisation, is "not found". */
export async function getOwnSavedView(db: DbOrTx, principal: Actor, id: string) {
  assertPerson(principal, "saved_view.manage");
  const view = await db.savedView.findUnique({ where: { id } });
  if (!view) throw notFound("Saved view");
  assertCan(principal, "saved_view.manage", { orgId: view.orgId, userId: view.userId });
  return view;
}
