import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { assertPerson } from "@/lib/permissions/can";
import { CreateSavedViewSchema, MAX_SAVED_VIEWS, type CreateSavedViewInput, type SavedViewDto } from "./saved-view-schemas";
import { savedViewNameTaken } from "./saved-view-name-taken";

/**
 * Saves the intents list's current filters, search and sort under a name of the person's
 * choosing. Names are unique per person (the database says so too, for two saves at once).
 * A view is a preference like the notification setting, so it writes no audit event.
 */
export async function createSavedView(db: Db, principal: Actor, input: CreateSavedViewInput): Promise<SavedViewDto> {
  assertPerson(principal, "saved_view.manage");
  const { name, query } = CreateSavedViewSchema.parse(input);
  const owner = { orgId: principal.orgId, userId: principal.userId };
  if ((await db.savedView.count({ where: owner })) >= MAX_SAVED_VIEWS) {
    throw new AppError("conflict", `You can keep up to ${MAX_SAVED_VIEWS} views; delete one first`);
  }
  try {
    return await db.savedView.create({ data: { id: newId("view"), ...owner, name, query }, select: { id: true, name: true, query: true } });
  } catch (e) {
    throw savedViewNameTaken(e, name);
  }
}
