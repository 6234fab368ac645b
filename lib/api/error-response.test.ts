import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, toAppError } from "./error-response";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });

describe("toAppError for a database that went away", () => {
  it("answers 503 with Retry-After when the primary shut down under the request", async () => {
    const res = errorResponse(pgError("57P01", "terminating connection due to administrator command"), "req_1");
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("1");
    const body = await res.json();
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).not.toContain("administrator"); // no internals
  });

  it("answers 503 when a write reached a read-only standby", () => {
    expect(toAppError(pgError("25006", "cannot execute INSERT in a read-only transaction")).status).toBe(503);
  });

  it("keeps other database errors a 500 with no internals", () => {
    const err = toAppError(pgError("23514", "new row violates check constraint"));
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(500);
    expect(err.headers).toEqual({});
  });
});
