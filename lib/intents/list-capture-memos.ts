import type { DbOrTx } from "@/lib/db/client";

/** The memo each capture of these intents carried (from its audit event), in one indexed read. */
export async function listCaptureMemos(db: DbOrTx, orgId: string, intentIds: string[]): Promise<Map<string, string>> {
  if (intentIds.length === 0) return new Map();
  const events = await db.auditEvent.findMany({
    where: { orgId, targetId: { in: intentIds }, action: "intent.captured" },
    select: { targetId: true, data: true },
  });
  const out = new Map<string, string>();
  for (const e of events) {
    const memo = (e.data as { memo?: unknown }).memo;
    if (typeof memo === "string" && memo) out.set(e.targetId, memo);
  }
  return out;
}
