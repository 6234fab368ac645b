import { buildOpenApiDocument } from "@/lib/api/openapi";
import { methodsNotAllowed } from "@/lib/api/fallback-responses";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

/** Public: the contract is not a secret, and SDK generators fetch it without a key. */
export function GET(req: Request) {
  return Response.json(buildOpenApiDocument(new URL(req.url).origin));
}
