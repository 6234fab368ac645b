import { buildOpenApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** Public: the contract is not a secret, and SDK generators fetch it without a key. */
export function GET(req: Request) {
  return Response.json(buildOpenApiDocument(new URL(req.url).origin));
}
