import { ZodError } from "zod";
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
  return new AppError("internal_error", "An internal error occurred");
}

export function errorResponse(e: unknown, requestId: string): Response {
  const err = toAppError(e);
  if (err.code === "internal_error") console.error(`[api] ${requestId}`, e);
  const body = { error: { code: err.code, message: err.message, status: err.status, request_id: requestId, details: err.details } };
  return Response.json(body, { status: err.status, headers: { ...err.headers, "X-Request-Id": requestId } });
}
