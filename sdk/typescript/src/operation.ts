import { AegisError, invalidArgument } from "./errors.js";
import { IDEMPOTENT_WRITE, READ, UNSAFE_WRITE } from "./retry.js";
import { segment, type Transport } from "./transport.js";

/** One operation of the OpenAPI document (the generated `OPERATIONS` table holds them all). */
export type OperationSpec = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** With `{name}` placeholders for the path parameters. */
  path: string;
  pathParams: readonly string[];
  queryParams: readonly string[];
  /** Takes a JSON body: every parameter that is neither in the path nor the query goes there. */
  body: boolean;
  /** Takes an Idempotency-Key: one is sent (a fresh UUID unless given), so every failure retries. */
  idempotent: boolean;
};
export type CallOptions = { idempotencyKey?: string };
export type CallOperation = <T>(spec: OperationSpec, params: object, options?: CallOptions) => Promise<T>;

/** A query value: dates as ISO 8601, lists comma-separated. */
function queryValue(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => queryValue(v)).join(",");
  return typeof value === "number" ? value : String(value);
}

/** RFC 4122 v4 without crypto.randomUUID (Node 18 without the global, old browsers). */
function fallbackUuid(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const newIdempotencyKey = (): string => globalThis.crypto?.randomUUID?.() ?? fallbackUuid();

/**
 * Sends one operation: `params` is flat (path parameters, query parameters and body fields in one
 * object, as the generated `OperationParams` types say), and the same retry, error and
 * idempotency rules as the hand-written resources apply.
 */
export async function callOperation<T>(transport: Transport, spec: OperationSpec, params: object = {}, options: CallOptions = {}): Promise<T> {
  let path = spec.path;
  const query: Record<string, string | number | undefined> = {};
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (spec.pathParams.includes(name)) path = path.replace(`{${name}}`, segment(value));
    else if (spec.queryParams.includes(name)) query[name] = queryValue(value);
    else if (value !== undefined) body[name] = value;
  }
  const missing = spec.pathParams.find((name) => path.includes(`{${name}}`));
  if (missing) throw invalidArgument(`${missing} is required`);
  const unknown = spec.body ? [] : Object.keys(body);
  if (unknown.length) throw invalidArgument(`unknown parameter ${unknown.join(", ")} for ${spec.method} ${spec.path}`);
  const idempotencyKey = spec.idempotent ? (options.idempotencyKey ?? newIdempotencyKey()) : undefined;
  try {
    return await transport.request<T>({
      method: spec.method,
      path,
      query,
      body: spec.body ? body : undefined,
      headers: idempotencyKey ? { "Idempotency-Key": idempotencyKey } : undefined,
      policy: spec.method === "GET" ? READ : idempotencyKey ? IDEMPOTENT_WRITE : UNSAFE_WRITE,
    });
  } catch (e) {
    if (e instanceof AegisError && idempotencyKey) e.idempotencyKey = idempotencyKey;
    throw e;
  }
}
