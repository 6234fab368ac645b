import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { parseJsonText } from "./parse-json-text";
import { findUnsafeText } from "./unsafe-text";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads and validates a JSON body: 415 for another content type, 413 when too large, 400 for
 * bad JSON (or JSON nested too deep, or repeating a key) or schema. With `optional`, a request
 * without a body validates as `{}`.
 */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S, opts: { optional?: boolean } = {}): Promise<z.output<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (opts.optional && !type && (await readLimited(req)).trim() === "") return schema.parse({});
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json");
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const json = parseJsonText(await readLimited(req));
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new AppError("validation_error", "The request body must be a JSON object", [{ field: "(body)", issue: "expected an object" }]);
  }
  rejectUnsafeText(json);
  return schema.parse(json);
}

/** NUL or a lone surrogate anywhere (keys included) is a 400 before any schema or database sees it. */
export function rejectUnsafeText(value: unknown): void {
  const at = findUnsafeText(value);
  if (at)
    throw new AppError("validation_error", `${at}: text must not contain NUL characters or unpaired surrogates`, [
      { field: at, issue: "contains NUL or an unpaired surrogate" },
    ]);
}

const tooLarge = () => new AppError("payload_too_large", `The request body must be at most ${MAX_BODY_BYTES / 1024} KiB`);

/** The body as text, at most MAX_BODY_BYTES (413 beyond, without reading the rest). */
export async function readLimited(req: Request): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
