import { z } from "zod";
import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { createDelegation } from "@/lib/delegations/create-delegation";
import { listDelegations } from "@/lib/delegations/list-delegations";

export const dynamic = "force-dynamic";
export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);

export const GET = withApiKey(async ({ db, principal }) => ({ body: await listDelegations(db, principal, principal.orgId) }));

export const POST = withApiKey(async ({ req, db, principal }) => {
  const body = await readJsonBody(req, z.record(z.string(), z.unknown()));
  return { status: 201, body: await createDelegation(db, principal, principal.orgId, body) };
});
