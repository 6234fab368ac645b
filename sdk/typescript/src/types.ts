import type { components, operations } from "./generated/openapi.js";

type Schemas = components["schemas"];
/** Any object of the API by its OpenAPI component name: `Schema<"Policy">`, `Schema<"SpendingFreeze">`, … */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

/** A spend intent as the API returns it. */
export type Intent = Schemas["Intent"];
export type IntentStatus = Intent["status"];
export type PolicyDecision = NonNullable<Intent["policy_decision"]>;
export type Approval = Schemas["Approval"];
export type Agent = Schemas["Agent"];
export type Wallet = NonNullable<Agent["wallet"]>;
/** Body of `intents.submit` (amount in minor units: paise, cents). */
export type SubmitIntentParams = Schemas["SubmitIntent"];
export type ApprovalDecision = "approve" | "reject" | "approved" | "rejected" | "deny" | "denied";
export type Policy = Schemas["Policy"];
export type SpendingFreeze = Schemas["SpendingFreeze"];
export type WebhookEndpoint = Schemas["WebhookEndpoint"];
/** The API's error body. */
export type ErrorBody = Schemas["Error"];

type ListQuery<Op extends keyof operations> = NonNullable<operations[Op]["parameters"]["query"]>;

/** Filters of `intents.list` (`status` may also be an array; dates may be `Date`s). */
export type IntentListFilters = Omit<ListQuery<"listIntents">, "limit" | "cursor" | "status" | "created_after" | "created_before"> & {
  status?: IntentStatus | IntentStatus[] | string;
  created_after?: string | Date;
  created_before?: string | Date;
} & PageOptions;
export type ApprovalListOptions = Pick<ListQuery<"listApprovals">, "sort"> & PageOptions;
export type AgentListOptions = PageOptions;

/** How much of a list to read: `limit` items in all (default: every one), `pageSize` per request (1..100). */
export type PageOptions = { limit?: number; pageSize?: number };

/** One page of a list endpoint. */
export type Page<T> = { object: "list"; data: T[]; has_more: boolean; next_cursor: string | null };

export const TERMINAL_STATUSES: readonly IntentStatus[] = ["approved", "denied", "expired"];
