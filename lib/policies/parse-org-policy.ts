import { ZodError } from "zod";
import { zodDetails } from "@/lib/api/zod-details";
import type { DbOrTx } from "@/lib/db/client";
import { AppError, validationError } from "@/lib/errors/app-error";
import { parsePolicyDocument } from "@/lib/policies/engine";
import type { Policy } from "@/lib/policies/engine/types";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";

/** A policy of the organisation with the currency its amounts are in (the organisation's). */
export type OrgPolicy = { policy: Policy; currency: string };

/**
 * A policy document from outside (editor, API, CLI, draft) as a Policy: schema errors as
 * a 400 with field details, every agent override must name an agent of the organisation, and
 * a `currency` it states must be the organisation's (omitted, it is read as the organisation's).
 */
export async function parseOrgPolicy(db: DbOrTx, orgId: string, document: unknown): Promise<OrgPolicy> {
  let policy: Policy;
  try {
    policy = parsePolicyDocument(document);
  } catch (e) {
    if (e instanceof ZodError) throw new AppError("validation_error", "The policy document is invalid", zodDetails(e));
    throw new AppError("validation_error", (e as Error).message);
  }
  const currency = await getOrgCurrency(db, orgId);
  // Valid by now, so a stated currency is a three-letter code (any case, as the schema accepts it).
  const stated = (document as { currency?: string }).currency?.trim().toUpperCase();
  if (stated !== undefined && stated !== currency) {
    throw validationError(
      `Policy amounts are in the organisation's currency, ${currency}; this document says ${stated}. ` +
        `Write the limits in ${currency} (minor units) and set "currency": "${currency}", or leave currency out.`,
      [{ field: "currency", issue: `must be ${currency}, the organisation's currency` }],
    );
  }
  const agentIds = Object.keys(policy.agentOverrides);
  if (agentIds.length) {
    const found = await db.agent.count({ where: { orgId, id: { in: agentIds } } });
    if (found !== agentIds.length) throw new AppError("validation_error", "agent_overrides names an agent that is not in this organisation");
  }
  return { policy, currency };
}
