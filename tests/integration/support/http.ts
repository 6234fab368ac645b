import { inject } from "vitest";

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };

/** One HTTP call to the app under test; JSON in and out, raw body when asked. */
export async function api<T = any>(
  key: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const init: RequestInit = { method, headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["Content-Type"] ??= "application/json";
  }
  const res = await fetch(`${inject("baseUrl")}${path}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* keep the text */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** Asserts the API error body shape and returns it. */
export function expectError(res: ApiResponse, status: number, code?: string) {
  if (res.status !== status || (code && res.body?.error?.code !== code)) {
    throw new Error(`expected ${status}${code ? ` ${code}` : ""}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const err = res.body.error;
  if (err.status !== status || !/^req_/.test(err.request_id) || typeof err.message !== "string" || !Array.isArray(err.details)) {
    throw new Error(`malformed error body: ${JSON.stringify(res.body)}`);
  }
  if (res.headers.get("x-request-id") !== err.request_id) throw new Error("X-Request-Id header does not match the body");
  return err as { code: string; message: string; status: number; request_id: string; details: { field: string; issue: string }[] };
}
