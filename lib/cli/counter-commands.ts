import { checkCounters } from "@/lib/counters/check-counters";
import { rebuildCounters } from "@/lib/counters/rebuild-counters";
import type { Db } from "@/lib/db/client";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";
import { optionalString, type AdminArgs } from "./admin-command-args";

type Command = { usage: string; run: (db: Db, args: AdminArgs) => Promise<unknown> };

const orgIds = async (db: Db, a: AdminArgs) => {
  const org = optionalString(a, "org");
  if (org) return [(await getOrganizationOrThrow(db, org)).id];
  return (await db.organization.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } })).map((o) => o.id);
};

export const COUNTER_COMMANDS: Record<string, Command> = {
  "counters rebuild": {
    usage: "counters rebuild [--org ID]   (after an organisation's time zone changes, or to repair drift)",
    run: async (db, a) => rebuildCounters(db, await orgIds(db, a)),
  },
  "counters check": {
    usage: "counters check [--org ID]   (lists where stored counters differ from the intents; empty when in step)",
    run: async (db, a) => {
      const ids = await orgIds(db, a);
      const drift = [];
      for (const id of ids) drift.push(...(await checkCounters(db, id)).map((d) => ({ org_id: id, ...d })));
      return { organizations: ids.length, drift };
    },
  },
};
