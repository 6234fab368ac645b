import { toAppError } from "@/lib/api/error-response";
import type { ErrorCode, ErrorDetail } from "@/lib/errors/app-error";

/** What a server action returns: errors travel as data (a thrown error is redacted in production). */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; details: ErrorDetail[] };

export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (e) {
    const err = toAppError(e);
    if (err.code === "internal_error") console.error("[action]", e);
    return { ok: false, code: err.code, message: err.message, details: err.details };
  }
}
