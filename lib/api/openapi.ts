import { z } from "zod";
import { AgentListSchema, AgentSchema, ListAgentsQuerySchema, WalletSchema } from "@/lib/agents/agent-schemas";
import { UpdateWalletSchema } from "@/lib/wallets/wallet-schemas";
import { FreezeSpendingSchema, OrganizationFreezeSchema, SpendingFreezeSchema } from "@/lib/organizations/spending-freeze-schemas";
import { ApprovalListSchema, ApprovalSchema, ListApprovalsQuerySchema, RespondToApprovalSchema } from "@/lib/approvals/approval-schemas";
import { policyComponents, policyInputComponents, policyPaths } from "./openapi-policy";
import { auditComponents, auditInputComponents, auditPaths } from "@/lib/audit/audit-openapi";
import { webhookComponents, webhookInputComponents, webhookPaths } from "@/lib/webhooks/webhook-openapi";
import { railComponents, railInputComponents, railPaths } from "@/lib/rails/rail-openapi";
import {
  CaptureIntentSchema,
  GetIntentQuerySchema,
  IntentListSchema,
  IntentSchema,
  ListIntentsQuerySchema,
  SubmitIntentSchema,
  VoidIntentSchema,
} from "@/lib/intents/intent-schemas";
import { routingComponents, routingInputComponents, routingPaths } from "@/lib/approver-groups/routing-openapi";

/**
 * The OpenAPI 3.1 document of API v1, generated from the same zod schemas the handlers
 * parse with (zod 4's own JSON Schema output), so the document cannot drift from them.
 */
const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    status: z.number().int(),
    request_id: z.string(),
    details: z.array(z.object({ field: z.string(), issue: z.string() })),
  }),
});

const components = {
  Intent: IntentSchema,
  IntentList: IntentListSchema,
  SubmitIntent: SubmitIntentSchema,
  CaptureIntent: CaptureIntentSchema,
  VoidIntent: VoidIntentSchema,
  FreezeSpending: FreezeSpendingSchema,
  SpendingFreeze: SpendingFreezeSchema,
  OrganizationFreeze: OrganizationFreezeSchema,
  Approval: ApprovalSchema,
  ApprovalList: ApprovalListSchema,
  RespondToApproval: RespondToApprovalSchema,
  Agent: AgentSchema,
  AgentList: AgentListSchema,
  Wallet: WalletSchema,
  UpdateWallet: UpdateWalletSchema,
  ...routingComponents,
  Error: ErrorSchema,
  ...policyComponents,
  ...webhookComponents,
  ...railComponents,
  ...auditComponents,
};

/** Request bodies are documented as clients send them (zod's input side). */
const INPUTS = new Set<string>([
  "SubmitIntent",
  "RespondToApproval",
  "CaptureIntent",
  "VoidIntent",
  "SetPolicy",
  "BacktestPolicy",
  "StartShadowPolicy",
  ...policyInputComponents,
  ...routingInputComponents,
  ...webhookInputComponents,
  ...railInputComponents,
  ...auditInputComponents,
  "FreezeSpending",
  "UpdateWallet",
]);

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, example?: unknown) => ({ content: { "application/json": { schema: ref(name), ...(example === undefined ? {} : { example }) } } });

/** Request examples, so generated clients and readers of the document see a real call. */
const EXAMPLES = {
  submitIntent: {
    amount: 12500,
    currency: "INR",
    reason: "Monthly SaaS renewal",
    confidence: 0.97,
    merchant: "Notion",
    merchant_category: "saas",
    metadata: { invoice: "INV-2041" },
  },
  captureIntent: { amount: 11800 },
  setLowBalanceThreshold: { low_balance_threshold: 500000 },
  respondToApproval: { decision: "approve", comment: "Renewal budgeted for Q3" },
  error: {
    error: {
      code: "validation_error",
      message: "amount must be a positive integer",
      status: 400,
      request_id: "req_8f3k2m9x1q7w4e6r5t0y",
      details: [{ field: "amount", issue: "must be a positive integer" }],
    },
  },
};
const errors = Object.fromEntries(
  [
    ["400", "Invalid input (validation_error, invalid_json)"],
    ["401", "Missing or invalid API key"],
    ["403", "Not allowed for this key or role"],
    ["404", "Not found (also another organisation's objects)"],
    ["409", "Conflict (already answered or settled, idempotency key reused, blocked by a rule)"],
    ["429", "Rate limited; see Retry-After"],
    ["503", "The database is unavailable for a moment (a failover); retry after Retry-After, a submit with the same Idempotency-Key"],
  ].map(([code, description]) => [code, { description, ...json("Error", code === "400" ? EXAMPLES.error : undefined) }]),
);

function queryParams(schema: z.ZodObject) {
  const js = z.toJSONSchema(schema, { io: "input" }) as { properties: Record<string, object> };
  return Object.entries(js.properties).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));
}
const idParam = (description: string) => ({ name: "id", in: "path", required: true, description, schema: { type: "string" } });

export function buildOpenApiDocument(serverUrl: string) {
  const schemas = Object.fromEntries(
    Object.entries(components).map(([name, s]) => [name, z.toJSONSchema(s, { io: INPUTS.has(name) ? "input" : "output", unrepresentable: "any" })]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "AegisOS Comply API",
      version: "1",
      description: "Spend intents, policy decisions and approvals. Amounts are integers in the currency's minor unit.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "aegis_sk_… agent or user key" } }, schemas },
    paths: {
      "/intents": {
        post: {
          operationId: "submitIntent",
          summary: "Submit a spend intent; the policy engine decides it before the answer when it can",
          parameters: [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 } }],
          requestBody: { required: true, ...json("SubmitIntent", EXAMPLES.submitIntent) },
          responses: { "201": { description: "The stored (normally already decided) intent", ...json("Intent") }, ...errors },
        },
        get: {
          operationId: "listIntents",
          summary: "List intents, newest first",
          parameters: queryParams(ListIntentsQuerySchema),
          responses: { "200": { description: "A page", ...json("IntentList") }, ...errors },
        },
      },
      "/intents/{id}": {
        get: {
          operationId: "getIntent",
          summary: "Get an intent; ?wait=N long-polls up to N (≤30) seconds for a terminal status",
          parameters: [idParam("int_… id"), ...queryParams(GetIntentQuerySchema)],
          responses: { "200": { description: "The intent", ...json("Intent") }, ...errors },
        },
      },
      "/intents/{id}/capture": {
        post: {
          operationId: "captureIntent",
          summary: "Report what an approved intent actually paid (at most the approved amount; the rest returns to the wallet)",
          parameters: [idParam("int_… id")],
          requestBody: { required: true, ...json("CaptureIntent", EXAMPLES.captureIntent) },
          responses: { "200": { description: "The intent, settlement captured", ...json("Intent") }, ...errors },
        },
      },
      "/intents/{id}/void": {
        post: {
          operationId: "voidIntent",
          summary: "Report that an approved intent paid nothing: all of it returns to the wallet",
          parameters: [idParam("int_… id")],
          requestBody: { required: false, ...json("VoidIntent") },
          responses: { "200": { description: "The intent, settlement voided", ...json("Intent") }, ...errors },
        },
      },
      "/approvals": {
        get: {
          operationId: "listApprovals",
          summary: "Pending approvals the caller may answer, oldest first",
          parameters: queryParams(ListApprovalsQuerySchema),
          responses: { "200": { description: "Approvals", ...json("ApprovalList") }, ...errors },
        },
      },
      "/approvals/{id}": {
        post: {
          operationId: "respondToApproval",
          summary: "Approve or reject (id may be the apr_… or the int_… id)",
          parameters: [idParam("apr_… or int_… id")],
          requestBody: { required: true, ...json("RespondToApproval", EXAMPLES.respondToApproval) },
          responses: { "200": { description: "The approval after the answer", ...json("Approval") }, ...errors },
        },
      },
      "/agents": {
        get: {
          operationId: "listAgents",
          summary: "Agents of the organisation",
          parameters: queryParams(ListAgentsQuerySchema),
          responses: { "200": { description: "A page", ...json("AgentList") }, ...errors },
        },
      },
      "/organization/freeze": {
        get: {
          operationId: "getSpendingFreeze",
          summary: "The kill switch's state: the organisation's freeze and every agent frozen on its own",
          responses: { "200": { description: "Freeze state", ...json("OrganizationFreeze") }, ...errors },
        },
        post: {
          operationId: "freezeOrganization",
          summary: "Kill switch (admin): deny every new intent (rule frozen) and block approvals until unfrozen",
          requestBody: { required: false, ...json("FreezeSpending") },
          responses: { "200": { description: "Frozen (idempotent)", ...json("SpendingFreeze") }, ...errors },
        },
        delete: {
          operationId: "unfreezeOrganization",
          summary: "Lift the organisation's freeze (admin)",
          responses: { "200": { description: "Not frozen (idempotent)", ...json("SpendingFreeze") }, ...errors },
        },
      },
      "/agents/{id}/freeze": {
        post: {
          operationId: "freezeAgent",
          summary: "Freeze one agent's spending (admin)",
          parameters: [idParam("agent UUID")],
          requestBody: { required: false, ...json("FreezeSpending") },
          responses: { "200": { description: "Frozen (idempotent)", ...json("SpendingFreeze") }, ...errors },
        },
        delete: {
          operationId: "unfreezeAgent",
          summary: "Lift one agent's freeze (admin)",
          parameters: [idParam("agent UUID")],
          responses: { "200": { description: "Not frozen (idempotent)", ...json("SpendingFreeze") }, ...errors },
        },
      },
      "/agents/{id}": {
        get: {
          operationId: "getAgent",
          summary: "Agent details: risk, wallet, spend against budgets",
          parameters: [idParam("agent UUID")],
          responses: { "200": { description: "The agent", ...json("Agent") }, ...errors },
        },
      },
      "/agents/{id}/wallet": {
        patch: {
          operationId: "setLowBalanceThreshold",
          summary: "Set or clear (null) a wallet's low-balance threshold (admin); crossing it sends wallet.low_balance",
          parameters: [idParam("agent UUID")],
          requestBody: { required: true, ...json("UpdateWallet", EXAMPLES.setLowBalanceThreshold) },
          responses: { "200": { description: "The wallet", ...json("Wallet") }, ...errors },
        },
      },
      ...routingPaths({ json, errors, idParam }),
      ...policyPaths(json, errors, { idParam, queryParams }),
      ...webhookPaths({ json, errors, idParam, queryParams }),
      ...railPaths({ json, errors, idParam }),
      ...auditPaths({ json, errors, queryParams }),
    },
  };
}
