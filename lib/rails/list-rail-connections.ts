import type { DbOrTx } from "@/lib/db/client";
import { connectionView, type RailConnectionView } from "./serialize-rail";

/** The organisation's rail connections, newest first, with when each last heard from its rail. */
export async function listRailConnections(db: DbOrTx, orgId: string): Promise<RailConnectionView[]> {
  const rows = await db.railConnection.findMany({ where: { orgId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return Promise.all(rows.map(async (r) => connectionView(r, await lastEventAt(db, r.id))));
}

/** Read from the events (an index on connection and time), never kept on the connection row: no hot row. */
export async function lastEventAt(db: DbOrTx, connectionId: string): Promise<Date | null> {
  const last = await db.railEventRecord.findFirst({ where: { connectionId }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } });
  return last?.receivedAt ?? null;
}
