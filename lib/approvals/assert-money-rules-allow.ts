import type { SqlTx } from "@/lib/db/sql";
import { AppError } from "@/lib/errors/app-error";
import type { ApprovalDecision } from "@/lib/generated/kysely/enums";
import { recheckApproval, type HeldIntent } from "./recheck-approval";

/**
 * Refuses an answer the money rules forbid, inside the answering transaction. While the
 * agent is suspended no answer is taken (409 agent_suspended; an admin may resume it, or
 * suspend with "reject pending"). An approve is re-checked against every rule that can deny
 * (recheckApproval); a reject always stands, since it only releases money.
 */
export async function assertMoneyRulesAllow(tx: SqlTx, intent: HeldIntent, decision: ApprovalDecision, at: Date): Promise<void> {
  const agent = await tx.selectFrom("agents").select(["status", "name"]).where("id", "=", intent.agent_id).executeTakeFirstOrThrow();
  if (agent.status === "suspended") {
    throw new AppError("agent_suspended", `The agent ${agent.name} is suspended: its approvals cannot be answered until an admin resumes it.`, [
      { field: "rule", issue: "agent_status" },
    ]);
  }
  if (decision !== "approve") return;
  const blocked = await recheckApproval(tx, intent, at);
  if (blocked)
    throw new AppError(blocked.code, `Approving now would break the ${blocked.rule} rule: ${blocked.reason}`, [{ field: "rule", issue: blocked.rule }]);
}
