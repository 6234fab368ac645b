import { AppError } from "@/lib/errors/app-error";

/** The error for a write that broke (org, user, name) uniqueness, or `e` itself when it was something else. */
export function savedViewNameTaken(e: unknown, name: string): unknown {
  const code = (e as { code?: string }).code;
  return code === "P2002" ? new AppError("conflict", `You already have a view named “${name}”`, [{ field: "name", issue: "is taken" }]) : e;
}
