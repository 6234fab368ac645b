import { z } from "zod";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withPublicRoute } from "@/lib/api/with-public-route";
import { describeUserLink } from "@/lib/users/describe-user-link";
import { redeemUserLink } from "@/lib/users/redeem-user-link";

const RedeemSchema = z.strictObject({ token: z.string().max(200), password: z.string().max(1024).optional() });

/**
 * POST /set-password/redeem — the set-password page's one call (public: the link's token is
 * the credential). `{token}` says whom the link is for; `{token, password}` uses it up.
 */
export const POST = withPublicRoute(async ({ req, db }) => {
  const { token, password } = await readJsonBody(req, RedeemSchema);
  return password === undefined ? describeUserLink(db, token) : redeemUserLink(db, token, password);
});
