import type { DbOrTx } from "@/lib/db/client";

/** The organisation's people for the admin page (a team, not a million rows: capped at 500). */
export async function listUsers(db: DbOrTx, orgId: string) {
  const rows = await db.user.findMany({
    where: { orgId },
    select: { id: true, email: true, name: true, role: true, createdAt: true, deactivatedAt: true },
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    take: 500,
  });
  return rows.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), deactivatedAt: u.deactivatedAt?.toISOString() ?? null }));
}
export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
