import { z } from "zod";

/** A required id in a domain verb's input (the CLI passes whatever the user typed). */
export const idSchema = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`);
