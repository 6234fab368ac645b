import { withApiKey, queryObject } from "@/lib/api/with-api-key";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { z } from "zod";

export const dynamic = "force-dynamic";

const QuerySchema = z.object({ sort: z.enum(["oldest", "amount"]).default("oldest") }).strict();

export const GET = withApiKey(async ({ req, db, principal }) => {
  const { sort } = QuerySchema.parse(queryObject(req));
  return { body: await listApprovals(db, principal, sort) };
});
