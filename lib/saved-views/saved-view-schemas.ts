import { z } from "zod";
import { normalizeViewQuery } from "./normalize-view-query";

/** What a person calls a view: one line, short enough for a chip. */
export const SavedViewNameSchema = z
  .string({ error: "must be a name" })
  .trim()
  .min(1, "is required")
  .max(60, "is longer than 60 characters")
  .regex(/^[^\u0000-\u001f\u007f]+$/, "has control characters");

/** The intents list's query string; only the filter, search and sort keys are kept (never a page cursor). */
export const SavedViewQuerySchema = z.string({ error: "must be a query string" }).max(2_000, "is too long").transform(normalizeViewQuery);

export const CreateSavedViewSchema = z.strictObject({ name: SavedViewNameSchema, query: SavedViewQuerySchema });
export type CreateSavedViewInput = z.input<typeof CreateSavedViewSchema>;

export type SavedViewDto = { id: string; name: string; query: string };

/** How many views one person may keep: enough for real use, few enough for one row of chips and a select. */
export const MAX_SAVED_VIEWS = 30;
