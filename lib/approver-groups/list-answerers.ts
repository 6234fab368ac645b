import type { DbOrTx } from "@/lib/db/client";

/** People of the organisation who can answer approvals (the choices for members and delegates). */
export async function listAnswerers(db: DbOrTx, orgId: string) {
  return db.user.findMany({
    where: { orgId, role: { in: ["admin", "approver"] } },
    select: { id: true, email: true, name: true, role: true },
    orderBy: { email: "asc" },
    take: 1000,
  });
}
