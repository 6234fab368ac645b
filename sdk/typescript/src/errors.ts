import type { Intent } from "./types.js";

export type ErrorDetail = { field: string; issue: string };
type ErrorInit = {
  statusCode?: number | null;
  code?: string | null;
  requestId?: string | null;
  details?: ErrorDetail[] | null;
  body?: unknown;
  idempotencyKey?: string | null;
  cause?: unknown;
};

/**
 * Every failure the SDK reports: an API error answer, or a failure of the SDK itself.
 * `statusCode` is the HTTP status (null when no answer arrived), `code` the API's error code
 * (`validation_error`, `rate_limited`, ...), `requestId` the server's `req_…` id.
 * Errors of `intents.submit` carry `idempotencyKey`: submitting again with it is always safe.
 */
export class AegisError extends Error {
  readonly statusCode: number | null;
  readonly code: string | null;
  readonly requestId: string | null;
  readonly details: ErrorDetail[] | null;
  readonly body: unknown;
  idempotencyKey: string | null;

  constructor(message: string, init: ErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.statusCode = init.statusCode ?? null;
    this.code = init.code ?? null;
    this.requestId = init.requestId ?? null;
    this.details = init.details ?? null;
    this.body = init.body;
    this.idempotencyKey = init.idempotencyKey ?? null;
  }
}

/** 400 (and 413, 415): the request was invalid; `details` names the fields. Also bad SDK arguments (`invalid_argument`). */
export class AegisValidationError extends AegisError {}
/** 401: the API key is missing, invalid or revoked. */
export class AegisAuthenticationError extends AegisError {}
/** 403: this key or role may not do that (an agent key answering an approval, a viewer submitting). */
export class AegisPermissionError extends AegisError {}
/** 404: no such object in your organisation. */
export class AegisNotFoundError extends AegisError {}
/** 409: already answered, already settled, or an idempotency key reused with another body. */
export class AegisConflictError extends AegisError {}
/** 429: too many requests; `retryAfter` is the server's Retry-After in seconds. */
export class AegisRateLimitError extends AegisError {
  retryAfter: number | null = null;
}
/** 5xx: the server failed. */
export class AegisServerError extends AegisError {}
/** The API could not be reached (refused, reset, DNS, TLS). */
export class AegisConnectionError extends AegisError {}
/** A request timed out, or `waitForDecision` ran out of time (`intent` is the last state seen). */
export class AegisTimeoutError extends AegisError {
  intent: Intent | null = null;
}

const BY_STATUS: Record<number, typeof AegisError> = {
  400: AegisValidationError,
  401: AegisAuthenticationError,
  403: AegisPermissionError,
  404: AegisNotFoundError,
  409: AegisConflictError,
  413: AegisValidationError,
  415: AegisValidationError,
  422: AegisValidationError,
  429: AegisRateLimitError,
};

/** The typed error for an error answer of the API. */
export function errorFromResponse(status: number, body: unknown, requestIdHeader: string | null, retryAfter: number | null): AegisError {
  const e = (body as { error?: Record<string, unknown> } | null)?.error;
  const message = typeof e?.message === "string" ? e.message : `HTTP ${status}`;
  const Kind = BY_STATUS[status] ?? (status >= 500 ? AegisServerError : AegisError);
  const err = new Kind(message, {
    statusCode: status,
    code: typeof e?.code === "string" ? e.code : null,
    requestId: typeof e?.request_id === "string" ? e.request_id : requestIdHeader,
    details: Array.isArray(e?.details) ? (e.details as ErrorDetail[]) : null,
    body,
  });
  if (err instanceof AegisRateLimitError) err.retryAfter = retryAfter;
  return err;
}

export const invalidArgument = (message: string) => new AegisValidationError(message, { code: "invalid_argument" });
