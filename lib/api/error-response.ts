import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/database-errors";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { summarize, zodDetails } from "./zod-details";

/** Maps any thrown value to the API error body; unknown errors become a 500 with no internals. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) {
    const details = zodDetails(e);
    return new AppError("validation_error", summarize(details), details);
  }
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
    return new AppError("conflict", "A conflicting change was made at the same time; retry the request");
  }
  if (isDatabaseUnavailable(e)) {
    // A failover or restart under way: nothing was acknowledged, and retrying (with the same
    // Idempotency-Key for a submit) is safe. The SDKs wait Retry-After and retry.
    console.warn(`[api] database unavailable: ${(e as Error).message}`);
    return new AppError("unavailable", "The database is not reachable right now (a failover may be under way); retry shortly", [], { "Retry-After": "1" });
  }
  return new AppError("internal_error", "An internal error occurred");
}

export function errorResponse(e: unknown, requestId: string): Response {
  const err = toAppError(e);
  if (err.code === "internal_error") console.error(`[api] ${requestId}`, e);
  const body = { error: { code: err.code, message: err.message, status: err.status, request_id: requestId, details: err.details } };
  return Response.json(body, { status: err.status, headers: { ...err.headers, "X-Request-Id": requestId } });
}
