import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { getOwnSavedView } from "./get-own-saved-view";

/** Deletes one of the person's own views (the filters it held are only a link; nothing else changes). */
export async function deleteSavedView(db: Db, principal: Actor, id: string): Promise<{ id: string; deleted: true }> {
  const view = await getOwnSavedView(db, principal, id);
  await db.savedView.delete({ where: { id: view.id } });
  return { id: view.id, deleted: true };
}
