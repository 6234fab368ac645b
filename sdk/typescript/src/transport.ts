import { AegisConnectionError, AegisError, AegisTimeoutError, errorFromResponse, invalidArgument } from "./errors.js";
import { parseRetryAfter, retryDelay, type Outcome, type RetryPolicy } from "./retry.js";

export type TransportOptions = { apiKey: string; baseUrl: string; timeout: number; maxRetries: number; fetch: typeof fetch };
export type RequestSpec = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  policy: RetryPolicy;
  /** Added to the timeout (a long-poll holds the answer on purpose). */
  extraTimeout?: number;
};

/** Failures where the request never left this machine: always safe to send again. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

type Attempt = { outcome: Outcome; response?: Response; text?: string; error?: unknown };

/** HTTP with fetch: auth header, JSON, a timeout per attempt, and retries by policy. */
export class Transport {
  constructor(readonly options: TransportOptions) {}

  async request<T>(spec: RequestSpec): Promise<T> {
    if (!this.options.apiKey) throw new AegisError("No API key: pass apiKey or set AEGIS_API_KEY", { code: "missing_api_key" });
    for (let attempt = 0; ; attempt++) {
      const result = await this.attempt(spec);
      const delay = retryDelay(spec.policy, this.options.maxRetries, attempt, result.outcome);
      if (delay === null) return this.finish<T>(spec, result);
      await sleep(delay);
    }
  }

  private async attempt(spec: RequestSpec): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeout + (spec.extraTimeout ?? 0));
    try {
      const response = await this.options.fetch(this.url(spec), {
        method: spec.method,
        headers: {
          Authorization: `Bearer ${this.options.apiKey}`,
          Accept: "application/json",
          ...(spec.body !== undefined ? { "Content-Type": "application/json" } : {}),
          ...spec.headers,
        },
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: controller.signal,
      });
      const text = await response.text();
      return { outcome: { kind: "answer", status: response.status, retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) }, response, text };
    } catch (error) {
      if (controller.signal.aborted) return { outcome: { kind: "timeout", sent: true }, error };
      const code = (error as { cause?: { code?: string } })?.cause?.code;
      const sent = !(code && NOT_SENT.has(code));
      return { outcome: { kind: sent ? "io" : "connect", sent }, error };
    } finally {
      clearTimeout(timer);
    }
  }

  private finish<T>(spec: RequestSpec, result: Attempt): T {
    const { response, text } = result;
    if (!response || text === undefined) {
      const where = `${spec.method} ${spec.path}`;
      if (result.outcome.kind === "timeout") {
        throw new AegisTimeoutError(`${where} timed out after ${this.options.timeout + (spec.extraTimeout ?? 0)} ms`, { code: "timeout", cause: result.error });
      }
      throw new AegisConnectionError(`Could not reach ${this.options.baseUrl} (${where}): ${describe(result.error)}`, {
        code: "connection_error",
        cause: result.error,
      });
    }
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: kept as text for the error */
    }
    if (!response.ok) {
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      throw errorFromResponse(response.status, body, response.headers.get("x-request-id"), retryAfter === null ? null : retryAfter / 1000);
    }
    if (typeof body !== "object" || body === null) {
      throw new AegisError("Unexpected answer from the server (not a JSON object)", { statusCode: response.status, code: "invalid_response", body });
    }
    return body as T;
  }

  private url(spec: RequestSpec): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    return `${this.options.baseUrl}/api/v1${spec.path}${qs ? `?${qs}` : ""}`;
  }
}

/** One path segment (an id), encoded; an empty or non-string id is the caller's mistake. */
export function segment(id: unknown): string {
  if (typeof id !== "string" || !id.trim()) throw invalidArgument("id must be a non-empty string");
  return encodeURIComponent(id);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}
