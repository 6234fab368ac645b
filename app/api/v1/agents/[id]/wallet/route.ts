import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { setLowBalanceThreshold } from "@/lib/wallets/set-low-balance-threshold";
import { UpdateWalletSchema } from "@/lib/wallets/wallet-schemas";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, DELETE } = methodsNotAllowed(["PATCH"]);

export const PATCH = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  assertCan(principal, "wallet.set_threshold");
  const body = await readJsonBody(req, UpdateWalletSchema);
  const input = { orgId: principal.orgId, agentId: params.id, threshold: body.low_balance_threshold, ...(body.currency ? { currency: body.currency } : {}) };
  return { body: await setLowBalanceThreshold(db, principal, input) };
});
