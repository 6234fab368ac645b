import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { backtestPolicy } from "@/lib/policies/backtest/backtest-policy";
import { BacktestPolicySchema } from "@/lib/policies/policy-schemas";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

export const POST = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "policy.backtest", { orgId: principal.orgId });
  const input = await readJsonBody(req, BacktestPolicySchema);
  return { body: await backtestPolicy(db, principal, principal.orgId, input.document, input.days) };
});
