import { z } from "zod";

/**
 * The closed set of audit actions: each names the kind of object it targets and the
 * schema of the data it carries (documenso's audit-log types are the model). Adding an
 * action is one line here; `recordAuditEvent` then accepts it and checks its data, both
 * at compile time and at run time, and the audit log's filter lists it.
 */
const minor = z.number().int();
const json = z.record(z.string(), z.unknown());
/** Capture and void: what was approved, what was paid, what went back to the wallet. */
const settled = { approved_amount: minor, captured_amount: minor, returned_amount: minor, currency: z.string() };
const event = <Target extends string, Shape extends z.ZodRawShape>(target: Target, shape: Shape) => ({ target, data: z.strictObject(shape) });

export const AUDIT_ACTIONS = {
  "organization.created": event("organization", { name: z.string(), time_zone: z.string(), currency: z.string() }),
  "user.created": event("user", { email: z.string(), role: z.string() }),
  "user.password_changed": event("user", {}),
  "user.role_changed": event("user", { role: z.string() }),
  "user.deactivated": event("user", {}),
  // Identity (issue 17): links instead of passwords, second factors, the organisation's sign-in rules.
  "user.invited": event("user_token", { email: z.string(), role: z.string(), emailed: z.boolean() }),
  "user.invitation_revoked": event("user_token", { email: z.string() }),
  "user.password_reset_issued": event("user", { emailed: z.boolean() }),
  "user.password_set": event("user", { via: z.enum(["invite", "reset", "self"]) }),
  "user.second_factor_added": event("user", { method: z.enum(["totp", "passkey"]), name: z.string().optional() }),
  "user.second_factor_removed": event("user", { method: z.enum(["totp", "passkey"]), name: z.string().optional() }),
  "user.recovery_codes_generated": event("user", { count: z.number().int() }),
  "user.signed_in_with_sso": event("user", { created: z.boolean(), role: z.string() }),
  "organization.sign_in_rules_set": event("organization", { require_second_factor: z.boolean(), step_up_threshold: minor.nullable() }),
  "agent.created": event("agent", { name: z.string(), owner: z.string(), currency: z.string(), initial_balance: minor }),
  "agent.suspended": event("agent", { status: z.literal("suspended") }),
  "agent.resumed": event("agent", { status: z.literal("active") }),
  "agent.accounting_set": event("agent", { gl_code: z.string().nullable(), cost_center: z.string().nullable() }),
  "agent.risk_override_set": event("agent", { previous: z.string().nullable(), level: z.string().nullable(), reason: z.string().nullable().optional() }),
  "organization.time_zone_set": event("organization", { previous: z.string(), time_zone: z.string() }),
  "api_key.created": event("api_key", {
    kind: z.string(),
    name: z.string(),
    prefix: z.string(),
    agent_id: z.string().nullable(),
    user_id: z.string().nullable(),
    created_by_user_id: z.string().nullable().optional(),
  }),
  "api_key.revoked": event("api_key", { kind: z.string(), name: z.string(), prefix: z.string() }),
  "wallet.low_balance_threshold_set": event("agent", {
    wallet_id: z.string(),
    currency: z.string(),
    previous: minor.nullable(),
    threshold: minor.nullable(),
  }),
  "wallet.funded": event("agent", { wallet_id: z.string(), amount: minor, currency: z.string(), memo: z.string().nullable() }),
  "policy.updated": event("policy", {
    version: z.number().int(),
    base_version: z.number().int().optional(),
    previous: json,
    document: json,
    // Four eyes (issue 20): why, and how it went live without a second admin when it did.
    reason: z.string().optional(),
    proposal_id: z.string().optional(),
    approval: z.enum(["second_admin", "single_admin", "operator"]).optional(),
  }),
  "policy.change_proposed": event("policy_change", { kind: z.string(), base_version: z.number().int(), reason: z.string(), changes: z.array(z.string()) }),
  "policy.change_approved": event("policy_change", { kind: z.string(), version: z.number().int(), proposed_by: z.string() }),
  "policy.change_rejected": event("policy_change", { kind: z.string(), reason: z.string(), withdrawn: z.boolean() }),
  "policy.change_superseded": event("policy_change", { base_version: z.number().int(), current_version: z.number().int() }),
  "policy.shadow_started": event("policy", { shadow_id: z.string(), based_on_version: z.number().int(), document: json }),
  "policy.shadow_stopped": event("policy", { shadow_id: z.string() }),
  "intent.submitted": event("intent", { amount: minor, currency: z.string(), merchant: z.string().nullable() }),
  "intent.decided": event("intent", { outcome: z.string(), rule: z.string(), reason: z.string(), amount: minor, currency: z.string() }),
  "approval.requested": event("approval", {
    intent_id: z.string(),
    required_role: z.string(),
    approvals_required: z.number().int(),
    group_id: z.string().nullable().optional(),
    group_name: z.string().nullable().optional(),
  }),
  "approval.escalated": event("approval", {
    intent_id: z.string(),
    group_id: z.string(),
    group_name: z.string(),
    escalated_to_group_id: z.string().nullable(),
  }),
  "approver_group.created": event("approver_group", { name: z.string(), settings: json }),
  "approver_group.updated": event("approver_group", { changes: json }),
  "approver_group.deleted": event("approver_group", { name: z.string() }),
  "delegation.created": event("delegation", { from_user_id: z.string(), to_user_id: z.string(), starts_at: z.string(), ends_at: z.string() }),
  "delegation.ended": event("delegation", { ended_at: z.string() }),
  "approval.answered": event("approval", { decision: z.string(), comment: z.string().nullable(), intent_id: z.string(), acting_alone: z.boolean().optional() }),
  "approval.approved": event("approval", { intent_id: z.string(), amount: minor, currency: z.string() }),
  "approval.rejected": event("approval", { intent_id: z.string(), amount: minor, currency: z.string() }),
  "approval.expired": event("approval", { intent_id: z.string(), amount: minor, currency: z.string() }),
  "approval.info_requested": event("approval", { intent_id: z.string(), question: z.string(), owner: z.string(), notified_user_id: z.string().nullable() }),
  "intent.captured": event("intent", { ...settled, auto: z.boolean(), memo: z.string().optional() }),
  "intent.voided": event("intent", { ...settled, auto: z.boolean(), reason: z.string().nullable() }),
  "organization.frozen": event("organization", { reason: z.string().nullable() }),
  "organization.unfrozen": event("organization", { frozen_at: z.string(), frozen_by: z.string().nullable(), reason: z.string().nullable() }),
  "agent.frozen": event("agent", { reason: z.string().nullable() }),
  "agent.unfrozen": event("agent", { frozen_at: z.string(), frozen_by: z.string().nullable(), reason: z.string().nullable() }),
  "audit.signing_key_rotated": event("organization", { previous_key_id: z.string().nullable(), key_id: z.string() }),
  "audit.events_purged": event("organization", {
    tombstone_id: z.string(),
    purged_through_seq: z.string(),
    purged_before: z.string(),
    events: z.number().int(),
  }),
  "organization.audit_retention_set": event("organization", { previous_days: z.number().int(), days: z.number().int() }),
  "webhook_endpoint.created": event("webhook_endpoint", { url: z.string(), events: z.array(z.string()) }),
  "webhook_endpoint.updated": event("webhook_endpoint", { url: z.string(), events: z.array(z.string()), status: z.string() }),
  "webhook_endpoint.deleted": event("webhook_endpoint", { url: z.string() }),
  "webhook_endpoint.secret_rotated": event("webhook_endpoint", { previous_secret_expires_at: z.string() }),
  "webhook_endpoint.disabled": event("webhook_endpoint", { url: z.string(), reason: z.string() }),
  // Card rails (issue 19): connections and cards are set up by admins; the rail's own events act as "system".
  "rail.connected": event("rail_connection", { provider: z.string() }),
  "rail.disconnected": event("rail_connection", { provider: z.string() }),
  "card.attached": event("card", { agent_id: z.string(), provider: z.string(), rail_card_id: z.string() }),
  "card.detached": event("card", { agent_id: z.string(), provider: z.string(), rail_card_id: z.string() }),
  "organization.card_settings_set": event("organization", { tolerance_bps: z.number().int(), validity_minutes: z.number().int() }),
  "rail.authorization_decided": event("rail_authorization", {
    connection_id: z.string(),
    authorization_id: z.string(),
    rail_card_id: z.string(),
    agent_id: z.string().nullable(),
    intent_id: z.string().nullable(),
    approved: z.boolean(),
    reason: z.string(),
    amount: minor,
    currency: z.string(),
  }),
  "rail.transaction_recorded": event("intent", {
    connection_id: z.string(),
    transaction_id: z.string(),
    authorization_id: z.string().nullable(),
    type: z.enum(["capture", "refund"]),
    amount: minor,
    currency: z.string(),
  }),
  "intent.captured_after_settlement": event("intent", {
    transaction_id: z.string(),
    amount: minor,
    currency: z.string(),
    settlement: z.string(),
    debited: z.boolean(),
  }),
  "intent.refunded": event("intent", { amount: minor, refunded_amount: minor, currency: z.string(), transaction_id: z.string() }),
  "webhook_delivery.replayed": event("webhook_delivery", { endpoint_id: z.string(), event_id: z.string(), replay_id: z.string() }),
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
/** The data an action carries, as the caller writes it. */
export type AuditData<A extends AuditAction> = z.input<(typeof AUDIT_ACTIONS)[A]["data"]>;
export type AuditTarget<A extends AuditAction> = (typeof AUDIT_ACTIONS)[A]["target"];

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS).sort() as AuditAction[];

export const isAuditAction = (s: string): s is AuditAction => Object.hasOwn(AUDIT_ACTIONS, s);
