import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";
import { getSignInRules } from "@/lib/organizations/get-sign-in-rules";
import { setSignInRules } from "@/lib/organizations/set-sign-in-rules";
import { resetSecondFactors } from "@/lib/second-factors/reset-second-factors";
import { optionalString, requireMinorUnits, requireString, type AdminArgs } from "./admin-command-args";

type Command = { usage: string; run: (db: Db, args: AdminArgs) => Promise<unknown> };

export const IDENTITY_COMMANDS: Record<string, Command> = {
  "org sign-in-rules": {
    usage: "org sign-in-rules --org ID [--require-second-factor on|off] [--step-up-threshold MINOR|admin]   (no option: show them)",
    run: async (db, a) => {
      const org = await getOrganizationOrThrow(db, requireString(a, "org"));
      const current = await getSignInRules(db, org.id);
      const second = optionalString(a, "require-second-factor");
      const threshold = a["step-up-threshold"] === undefined ? undefined : String(a["step-up-threshold"]);
      if (second === undefined && threshold === undefined) return current;
      if (second !== undefined && second !== "on" && second !== "off") throw new AppError("validation_error", "--require-second-factor takes on or off");
      return setSignInRules(db, "system", org.id, {
        require_second_factor: second === undefined ? current.require_second_factor : second === "on",
        step_up_threshold: threshold === undefined ? current.step_up_threshold : threshold === "admin" ? null : requireMinorUnits({ threshold }, "threshold"),
      });
    },
  },
  "user factors-reset": {
    usage: "user factors-reset --email EMAIL   (removes their passkeys, authenticator app and recovery codes; their sessions end)",
    run: (db, a) => resetSecondFactors(db, "system", { email: requireString(a, "email") }),
  },
};
