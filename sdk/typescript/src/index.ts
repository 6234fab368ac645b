export { AegisClient, type AegisClientOptions } from "./client.js";
export {
  AegisError,
  AegisValidationError,
  AegisAuthenticationError,
  AegisPermissionError,
  AegisNotFoundError,
  AegisConflictError,
  AegisRateLimitError,
  AegisServerError,
  AegisConnectionError,
  AegisTimeoutError,
  type ErrorDetail,
} from "./errors.js";
export { Paginator } from "./pagination.js";
export type { Intents, SubmitOptions, WaitOptions } from "./intents.js";
export type { Approvals } from "./approvals.js";
export type { Agents } from "./agents.js";
export { verifyWebhook, AegisWebhookVerificationError, type WebhookEvent, type WebhookHeaders, type VerifyOptions } from "./webhooks.js";
export { formatDecision } from "./format.js";
export { TERMINAL_STATUSES } from "./types.js";
export type * from "./types.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { Api, OPERATIONS, type OperationParams, type OperationResults } from "./generated/operations.js";
export type { CallOptions, OperationSpec } from "./operation.js";
export { VERSION } from "./version.js";
