import type { DbOrTx } from "@/lib/db/client";

/** Admins who can still sign in: with two or more, a policy change needs a second one (four eyes). */
export async function countActiveAdmins(db: DbOrTx, orgId: string): Promise<number> {
  return db.user.count({ where: { orgId, role: "admin", deactivatedAt: null } });
}
