import { errorResponse } from "./error-response";
import { AppError } from "@/lib/errors/app-error";
import { randomId } from "@/lib/db/ids";

/** Unknown paths and methods answer with the API's error body too, never Next's HTML. */
export function notFoundRoute(): Response {
  return errorResponse(new AppError("not_found", "No such API endpoint; see /api/v1/openapi.json"), randomId("req", 20));
}

/** Handlers for the methods a route does not support: 405 with an Allow header. */
export function methodsNotAllowed(allowed: string[]) {
  const handler = () =>
    errorResponse(new AppError("method_not_allowed", `Use ${allowed.join(" or ")} on this endpoint`, [], { Allow: allowed.join(", ") }), randomId("req", 20));
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}
