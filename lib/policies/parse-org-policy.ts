import { ZodError } from "zod";
import { zodDetails } from "@/lib/api/zod-details";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parsePolicyDocument } from "@/lib/policies/engine";
import type { Policy } from "@/lib/policies/engine/types";

/**
 * A policy document from outside (editor, API, CLI, draft) as a Policy: schema errors as
 * a 400 with field details, and every agent override must name an agent of the organisation.
 */
export async function parseOrgPolicy(db: DbOrTx, orgId: string, document: unknown): Promise<Policy> {
  let policy: Policy;
  try {
    policy = parsePolicyDocument(document);
  } catch (e) {
    if (e instanceof ZodError) throw new AppError("validation_error", "The policy document is invalid", zodDetails(e));
    throw new AppError("validation_error", (e as Error).message);
  }
  const agentIds = Object.keys(policy.agentOverrides);
  if (agentIds.length) {
    const found = await db.agent.count({ where: { orgId, id: { in: agentIds } } });
    if (found !== agentIds.length) throw new AppError("validation_error", "agent_overrides names an agent that is not in this organisation");
  }
  return policy;
}
