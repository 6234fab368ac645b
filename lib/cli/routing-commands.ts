import { createApproverGroup } from "@/lib/approver-groups/create-approver-group";
import { deleteApproverGroup } from "@/lib/approver-groups/delete-approver-group";
import { updateApproverGroup } from "@/lib/approver-groups/update-approver-group";
import { approverGroupInclude, serializeApproverGroup } from "@/lib/approver-groups/serialize-approver-group";
import type { Db } from "@/lib/db/client";
import { createDelegation } from "@/lib/delegations/create-delegation";
import { endDelegation } from "@/lib/delegations/end-delegation";
import { listDelegations } from "@/lib/delegations/list-delegations";
import { AppError, notFound } from "@/lib/errors/app-error";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";
import { optionalMinorUnits, optionalString, requireString, type AdminArgs } from "./admin-command-args";

type Command = { usage: string; run: (db: Db, args: AdminArgs) => Promise<unknown> };

const list = (a: AdminArgs, name: string) =>
  optionalString(a, name)
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
function optionalInt(a: AdminArgs, name: string): number | undefined {
  const v = optionalString(a, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new AppError("validation_error", `--${name} must be a whole number`, [{ field: name, issue: "not a whole number" }]);
  return Number(v);
}

/** The group options given on the command line, as the API body would carry them. */
function groupBody(a: AdminArgs) {
  const body: Record<string, unknown> = {
    name: optionalString(a, "name"),
    members: list(a, "members"),
    agent_ids: list(a, "agents"),
    merchant_categories: list(a, "categories"),
    currency: optionalString(a, "currency"),
    min_amount: optionalMinorUnits(a, "min-amount"),
    max_amount: optionalMinorUnits(a, "max-amount"),
    quorum: optionalInt(a, "quorum"),
    priority: optionalInt(a, "priority"),
    escalate_after_minutes: optionalInt(a, "escalate-after"),
    escalate_to_group_id: optionalString(a, "escalate-to"),
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

async function orgOfGroup(db: Db, id: string) {
  const g = await db.approverGroup.findUnique({ where: { id }, select: { orgId: true } });
  if (!g) throw notFound("Approver group");
  return g.orgId;
}

const GROUP_OPTIONS =
  "[--members a@x,b@y] [--agents UUID,…] [--categories cloud,saas] [--currency INR --min-amount MINOR --max-amount MINOR] [--quorum N] [--priority N] [--escalate-after MINUTES] [--escalate-to GROUP_ID]";

/** Approval routing from the command line: approver groups and out-of-office delegations. */
export const ROUTING_COMMANDS: Record<string, Command> = {
  "group create": {
    usage: `group create --org ID --name NAME ${GROUP_OPTIONS}`,
    run: async (db, a) => createApproverGroup(db, "system", (await getOrganizationOrThrow(db, requireString(a, "org"))).id, groupBody(a)),
  },
  "group update": {
    usage: `group update --group ID [--name NAME] ${GROUP_OPTIONS}`,
    run: async (db, a) => {
      const id = requireString(a, "group");
      return updateApproverGroup(db, "system", await orgOfGroup(db, id), id, groupBody(a));
    },
  },
  "group list": {
    usage: "group list --org ID",
    run: async (db, a) => {
      const org = await getOrganizationOrThrow(db, requireString(a, "org"));
      const rows = await db.approverGroup.findMany({
        where: { orgId: org.id },
        include: approverGroupInclude,
        orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
      });
      return rows.map(serializeApproverGroup);
    },
  },
  "group delete": {
    usage: "group delete --group ID",
    run: async (db, a) => {
      const id = requireString(a, "group");
      return deleteApproverGroup(db, "system", await orgOfGroup(db, id), id);
    },
  },
  "delegation create": {
    usage: "delegation create --org ID --from EMAIL --to EMAIL --starts 2026-12-01T00:00:00Z --ends 2026-12-15T00:00:00Z",
    run: async (db, a) =>
      createDelegation(db, "system", (await getOrganizationOrThrow(db, requireString(a, "org"))).id, {
        from_user: requireString(a, "from"),
        to_user: requireString(a, "to"),
        starts_at: requireString(a, "starts"),
        ends_at: requireString(a, "ends"),
      }),
  },
  "delegation list": {
    usage: "delegation list --org ID",
    run: async (db, a) => (await listDelegations(db, "system", (await getOrganizationOrThrow(db, requireString(a, "org"))).id)).data,
  },
  "delegation end": { usage: "delegation end --delegation ID", run: (db, a) => endDelegation(db, "system", requireString(a, "delegation")) },
};
