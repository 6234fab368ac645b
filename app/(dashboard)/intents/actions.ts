"use server";

import { z } from "zod";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { createSavedView } from "@/lib/saved-views/create-saved-view";
import { deleteSavedView } from "@/lib/saved-views/delete-saved-view";
import { renameSavedView } from "@/lib/saved-views/rename-saved-view";
import { SavedViewNameSchema, SavedViewQuerySchema } from "@/lib/saved-views/saved-view-schemas";

/** A person's own saved views of this list; the verbs answer 404 for anyone else's. */
export const saveViewAction = defineAction({
  args: ["name", "query"],
  input: z.strictObject({ name: SavedViewNameSchema, query: SavedViewQuerySchema }),
  revalidate: "/intents",
  run: async ({ db, principal }, input) => createSavedView(db, principal, input),
});

export const renameViewAction = defineAction({
  args: ["viewId", "name"],
  input: z.strictObject({ viewId: ActionIdSchema, name: SavedViewNameSchema }),
  revalidate: "/intents",
  run: async ({ db, principal }, { viewId, name }) => renameSavedView(db, principal, viewId, { name }),
});

export const deleteViewAction = defineAction({
  args: ["viewId"],
  input: z.strictObject({ viewId: ActionIdSchema }),
  revalidate: "/intents",
  run: async ({ db, principal }, { viewId }) => deleteSavedView(db, principal, viewId),
});
