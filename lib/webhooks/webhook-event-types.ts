/**
 * The events an endpoint can subscribe to. Another session adds its own here (e.g. the kill
 * switch's `organization.frozen`); the API validates subscriptions against this list.
 */
export const WEBHOOK_EVENT_TYPES = [
  "intent.decided",
  "approval.requested",
  "approval.answered",
  "approval.expired",
  "agent.suspended",
  "wallet.low_balance",
  "intent.captured",
  "intent.voided",
  "intent.captured_after_settlement",
  "organization.frozen",
  "organization.unfrozen",
  "agent.frozen",
  "agent.unfrozen",
  "audit.checkpoint",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "intent.decided": "An intent reached a final status: approved, denied or expired (by policy or by people)",
  "approval.requested": "The policy sent an intent to people; an approval is open",
  "approval.answered": "Someone approved or rejected (one event per answer; dual approvals send two)",
  "approval.expired": "An approval ran out of time and its hold was released",
  "agent.suspended": "An admin suspended an agent",
  "wallet.low_balance": "A wallet's available balance fell below its low-balance threshold",
  "intent.captured": "An approved intent reported what it paid; any unpaid rest went back to the wallet",
  "intent.voided": "An approved intent paid nothing; all of it went back to the wallet",
  "intent.captured_after_settlement":
    "A card rail captured money for an intent that was already settled (captured, voided or closed out): the wallet was debited as the card paid, for finance to review",
  "organization.frozen": "An admin froze all spending of the organisation (kill switch)",
  "organization.unfrozen": "An admin lifted the organisation's spending freeze",
  "agent.frozen": "An admin froze one agent's spending",
  "agent.unfrozen": "An admin lifted one agent's spending freeze",
  "audit.checkpoint":
    "A signed checkpoint of the audit chain's head (Ed25519, with the public key): keep it, so a later export missing or changing what it covered is caught",
};
