import { actorLabel, type Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notifyCacheChanged } from "@/lib/events/cache-events";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { toPolicyDocument } from "@/lib/policies/engine";
import { Prisma } from "@/lib/generated/prisma/client";
import { getOrgPolicy, type VersionedPolicy } from "./get-org-policy";
import { parseOrgPolicy } from "./parse-org-policy";

/** The 409 a save gets when someone saved a newer version since the editor loaded its base. */
export const staleVersion = (base: number, current: number) =>
  new AppError(
    "conflict",
    `The policy changed since you loaded it: you edited version ${base}, the current version is ${current}. Reload, re-apply your change and save again.`,
    [{ field: "base_version", issue: `current version is ${current}` }],
  );

/**
 * Stores a new policy version on top of `baseVersion`, the version the author edited. A
 * save based on anything but the current version is refused (409), so two admins never
 * overwrite each other silently; two saves on the same base race for one unique
 * (org, version) row and the loser gets the same 409.
 */
export async function setOrgPolicy(db: Db, actor: Actor, orgId: string, document: unknown, baseVersion: number): Promise<VersionedPolicy> {
  assertCan(actor, "policy.update", { orgId });
  const { policy, currency } = await parseOrgPolicy(db, orgId, document);
  // Stored with its currency, so each version says what its amounts are in.
  const doc = toPolicyDocument(policy, currency);
  const by = actorLabel(actor);
  try {
    return await db.$transaction(async (tx) => {
      const previous = await getOrgPolicy(tx, orgId);
      if (previous.version !== baseVersion) throw staleVersion(baseVersion, previous.version);
      const version = previous.version + 1;
      await tx.policy.create({ data: { id: newId("pol"), orgId, version, document: doc as Prisma.InputJsonValue, createdBy: by, baseVersion } });
      await recordAuditEvent(tx, {
        orgId,
        actor,
        action: "policy.updated",
        targetId: orgId,
        data: { version, base_version: baseVersion, previous: toPolicyDocument(previous.policy, currency), document: doc },
      });
      await notifyCacheChanged(tx, `org:${orgId}`); // every instance's decision settings (getDecisionSettings)
      return { policy, version, updatedAt: new Date(), updatedBy: by };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw staleVersion(baseVersion, baseVersion + 1);
    throw e;
  }
}
