import type { Db } from "@/lib/db/client";
import { captureIntent } from "@/lib/intents/capture-intent";
import { CaptureIntentSchema, VoidIntentSchema } from "@/lib/intents/intent-schemas";
import { voidIntent } from "@/lib/intents/void-intent";
import { optionalString, requireMinorUnits, requireString, type AdminArgs } from "./admin-command-args";

type Command = { usage: string; run: (db: Db, args: AdminArgs) => Promise<unknown> };

/**
 * Capture and void by the operator (the "system" actor, across organisations): the same verbs
 * as the API, audited with actor system and `auto: false`, since a person at the terminal did it.
 */
export const INTENT_COMMANDS: Record<string, Command> = {
  "intent capture": {
    usage: "intent capture --intent ID --amount MINOR   (at most the approved amount; the rest returns to the wallet)",
    run: (db: Db, a: AdminArgs) =>
      captureIntent(db, "system", requireString(a, "intent"), CaptureIntentSchema.parse({ amount: requireMinorUnits(a, "amount") })),
  },
  "intent void": {
    usage: "intent void --intent ID [--reason TEXT]   (nothing was paid: all of it returns to the wallet)",
    run: (db: Db, a: AdminArgs) => {
      const reason = optionalString(a, "reason");
      return voidIntent(db, "system", requireString(a, "intent"), VoidIntentSchema.parse(reason ? { reason } : {}));
    },
  },
};
