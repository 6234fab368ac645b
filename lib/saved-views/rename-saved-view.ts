import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import type { SavedViewDto } from "./saved-view-schemas";
import { SavedViewNameSchema } from "./saved-view-schemas";
import { getOwnSavedView } from "./get-own-saved-view";
import { savedViewNameTaken } from "./saved-view-name-taken";

/** Renames one of the person's own views. */
export async function renameSavedView(db: Db, principal: Actor, id: string, input: { name: string }): Promise<SavedViewDto> {
  const name = SavedViewNameSchema.parse(input.name);
  const view = await getOwnSavedView(db, principal, id);
  try {
    return await db.savedView.update({ where: { id: view.id }, data: { name }, select: { id: true, name: true, query: true } });
  } catch (e) {
    throw savedViewNameTaken(e, name);
  }
}
