import type { DbOrTx } from "@/lib/db/client";

/** Who answered an intent's approval, in the words the list and the CSV use. */
export type IntentAnswers = {
  /** Names of the people who approved, in order. */
  approvedBy: string[];
  /** The person whose rejection closed it, if one did. */
  rejectedBy: string | null;
  /** Their comments, "Name: text", in order. */
  comments: string[];
};

/**
 * The people behind a page of intents' approvals, in one query through the approvals'
 * unique intent id and the responses' approval index (never a scan of either table).
 */
export async function listIntentAnswers(db: DbOrTx, orgId: string, intentIds: string[]): Promise<Map<string, IntentAnswers>> {
  const out = new Map<string, IntentAnswers>();
  if (intentIds.length === 0) return out;
  const approvals = await db.approval.findMany({
    where: { orgId, intentId: { in: intentIds } },
    select: {
      intentId: true,
      responses: { select: { decision: true, comment: true, user: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  for (const a of approvals) {
    if (a.responses.length === 0) continue;
    out.set(a.intentId, {
      approvedBy: a.responses.filter((r) => r.decision === "approve").map((r) => r.user.name),
      rejectedBy: a.responses.find((r) => r.decision === "reject")?.user.name ?? null,
      comments: a.responses.filter((r) => r.comment?.trim()).map((r) => `${r.user.name}: ${r.comment!.trim()}`),
    });
  }
  return out;
}
