import { AppError } from "@/lib/errors/app-error";

/** The 409 a change gets when someone made a newer version live since the author loaded its base. */
export const staleVersion = (base: number, current: number) =>
  new AppError(
    "conflict",
    `The policy changed since you loaded it: you edited version ${base}, the current version is ${current}. Reload, re-apply your change and save again.`,
    [{ field: "base_version", issue: `current version is ${current}` }],
  );
