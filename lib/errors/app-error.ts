/** One error class for the whole domain; the API maps `code` to an HTTP status. */
export const ERROR_STATUS = {
  validation_error: 400,
  invalid_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  /** Approving above the organisation's step-up threshold needs a fresh second factor in a browser session. */
  step_up_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  approval_already_answered: 409,
  idempotency_conflict: 409,
  intent_not_approved: 409,
  intent_already_settled: 409,
  spending_frozen: 409,
  agent_suspended: 409,
  approval_blocked: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A card rail this server has no adapter for (it could neither verify nor answer it). */
  rail_unavailable: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorDetail = { field: string; issue: string };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (message: string) => new AppError("forbidden", message);
export const validationError = (message: string, details: ErrorDetail[] = []) => new AppError("validation_error", message, details);
