import type { Actor, Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors/app-error";
import { routingRefusal, type ApprovalRouting } from "@/lib/approver-groups/answer-rights";

/**
 * Every "who may do what" rule of the product, in one table. Route handlers, server actions,
 * domain verbs and pages all ask `can` / `assertCan`, so a button is shown exactly when the
 * action behind it would be allowed.
 *
 * To add an action: add one line to `RULES` (most are `adminOnly(...)` or `people(...)`),
 * call `assertCan(actor, "<domain>.<verb>", subject)` at the top of the domain verb, use
 * `can(...)` where the UI decides whether to show the control, and add its rows to
 * `can.test.ts`.
 *
 * Subjects carry their organisation: an object of another organisation is "not found" (404),
 * never "forbidden", so ids cannot be probed. The "system" actor (CLI, start-up, sweeps) may
 * do every organisation set-up action; actions that need a person's identity refuse it.
 */

/** Why an action is refused, and which error that becomes. */
export type Refusal = { code: "forbidden" | "not_found" | "approval_already_answered"; message: string };
type Verdict = Refusal | null;
type Rule<S> = (actor: Actor, subject: S | undefined) => Verdict;

/** Any object that belongs to an organisation. */
export type OrgSubject = { orgId: string };
/** An agent (or something of one agent's, like its intents and wallet). */
export type AgentSubject = { orgId: string; agentId: string };
/** An approval as the rules need it; `status` and the submitter are optional for role-level questions. */
export type ApprovalSubject = {
  orgId: string;
  requiredRole: Role;
  answeredBy: readonly string[];
  submittedByUserId?: string | null;
  /** Who created the API key the intent was submitted with (null: the CLI, or no key). */
  keyCreatedByUserId?: string | null;
  status?: string;
  /** Approver-group routing with the actor's groups; without it only role-level rules apply. */
  routing?: ApprovalRouting;
  /** People tied to the actor by a password set through a link in the last 24 hours (lib/approvals/load-reset-ties.ts). */
  resetTies?: readonly string[];
};

const refuse = (message: string): Refusal => ({ code: "forbidden", message });

/** Another organisation's object is not found; `what` names it in the message. */
function outside(actor: Actor, subject: OrgSubject | undefined, what: string): Verdict {
  if (actor === "system" || !subject || actor.orgId === subject.orgId) return null;
  return { code: "not_found", message: `${what} not found` };
}

/** A delegation as its rules need it: who is away, and (when it exists) who stands in. */
export type DelegationSubject = { orgId: string; fromUserId: string; toUserId?: string };

/** Delegation rules: a person who answers approvals acting on their own delegation, an admin, or the system. */
function answererFor(actor: Actor, s: DelegationSubject | undefined, what: string, involved: (string | undefined)[]): Verdict {
  if (actor === "system") return outside(actor, s, "Delegation");
  if (actor.kind === "agent") return refuse("Agent keys cannot delegate approvals");
  if (actor.role === "viewer") return refuse("Viewers do not answer approvals, so they have nothing to delegate");
  if (s && actor.role !== "admin" && !involved.includes(actor.userId)) return refuse(`Only an admin can ${what}`);
  return outside(actor, s, "Delegation");
}

/** Organisation set-up: admins of that organisation, and the system. */
function adminOnly(what: string, subjectName = "Organisation"): Rule<OrgSubject> {
  return (actor, subject) => {
    if (actor !== "system" && (actor.kind !== "user" || actor.role !== "admin")) return refuse(`Only an admin can ${what}`);
    return outside(actor, subject, subjectName);
  };
}

/** Any signed-in person of the organisation (user key or session); never an agent key. */
function people(what: string): Rule<OrgSubject> {
  return (actor, subject) => {
    if (actor !== "system" && actor.kind === "agent") return refuse(`Agent keys cannot ${what}`);
    return outside(actor, subject, "Organisation");
  };
}

/** A person's saved view of a list: whose it is. */
export type SavedViewSubject = { orgId: string; userId: string };

const RULES = {
  // Organisation set-up (CLI as "system", dashboard as an admin).
  "organization.create": adminOnly("create organisations"),
  "user.create": adminOnly("add users"),
  "user.update": adminOnly("change people's roles, passwords or access", "User"),
  "organization.update": adminOnly("change the organisation's settings"),
  "agent.create": adminOnly("register agents"),
  "agent.set_status": adminOnly("suspend or resume agents", "Agent"),
  "agent.set_risk_override": adminOnly("override an agent's risk level", "Agent"),
  "agent.set_accounting": adminOnly("set an agent's GL code and cost centre", "Agent"),
  "wallet.fund": adminOnly("fund wallets", "Agent"),
  "wallet.set_threshold": adminOnly("set a wallet's low-balance threshold", "Agent"),
  "api_key.list": adminOnly("see API keys"),
  "api_key.create": adminOnly("create API keys"),
  "api_key.revoke": adminOnly("revoke API keys", "API key"),
  "policy.update": adminOnly("change the policy"),
  /** Four eyes: list, approve and reject proposed policy changes (the proposer rule is in approvePolicyChange). */
  "policy.review": adminOnly("review policy changes", "Policy change"),
  "policy.backtest": adminOnly("backtest a policy"),
  "policy.shadow": adminOnly("run a policy in shadow"),
  "policy.read": people("read the policy"),
  "audit.verify": adminOnly("verify the audit log"),
  /** The evidence an auditor takes away: exports, checkpoints and public keys. Viewers are the auditors. */
  "audit.read": people("read the audit evidence"),
  "audit.rotate_key": adminOnly("rotate the audit signing key"),
  "audit.purge": adminOnly("purge audit events past their retention"),
  "webhook.list": adminOnly("see webhook endpoints"),
  "webhook.manage": adminOnly("manage webhook endpoints", "Webhook endpoint"),
  /** Card rails (issue 19): connecting a rail and attaching cards hand real money to agents. */
  "rail.manage": adminOnly("connect card rails and attach cards"),
  // Kill switch: the organisation's or one agent's spending.
  "spending.freeze": adminOnly("freeze or unfreeze spending"),

  // Approvals (agents never; a viewer's list is empty, see listApprovals).
  "approval.list": people("list approvals"),

  // Approval routing: groups are set up by admins and read by every person (they name people).
  "approver_group.read": people("read approver groups"),
  "approver_group.manage": adminOnly("manage approver groups", "Approver group"),
  "delegation.read": people("read delegations"),

  /**
   * Saved views are a person's own, like their notification settings: every person (viewers
   * too) keeps theirs; nobody, not even an admin, sees another's (it is "not found").
   */
  "saved_view.manage": ((actor, s) => {
    if (actor === "system" || actor.kind === "agent") return refuse("Saved views belong to a person");
    if (s && (s.orgId !== actor.orgId || s.userId !== actor.userId)) return { code: "not_found", message: "Saved view not found" };
    return null;
  }) satisfies Rule<SavedViewSubject>,
  /** Out of office: a person delegates their own approvals; an admin (or the CLI) anyone's. */
  "delegation.create": ((actor, s) => answererFor(actor, s, "set a delegation for someone else", [s?.fromUserId])) satisfies Rule<DelegationSubject>,
  /** Ending one: either person involved, or an admin. */
  "delegation.end": ((actor, s) => answererFor(actor, s, "end someone else's delegation", [s?.fromUserId, s?.toUserId])) satisfies Rule<DelegationSubject>,

  /** Agents submit for their own agent; approvers and admins for any agent of their organisation. */
  "intent.submit": ((actor, s) => {
    if (actor === "system") return refuse("Intents are submitted by an agent or a person");
    if (actor.kind === "agent") {
      if (s && s.agentId !== actor.agentId) return refuse("An agent key can only submit intents for its own agent");
      return outside(actor, s, "Agent");
    }
    if (actor.role === "viewer") return refuse("Viewers cannot submit intents");
    return outside(actor, s, "Agent");
  }) satisfies Rule<AgentSubject>,

  /**
   * Capture / void an approved intent: its own agent's key (another agent's intent is not
   * found, as on reads), approvers and admins; never viewers. The system settles overdue ones.
   */
  "intent.settle": ((actor, s) => {
    if (actor === "system") return null;
    if (actor.kind === "agent") {
      if (s && s.agentId !== actor.agentId) return { code: "not_found", message: "Intent not found" };
      return outside(actor, s, "Intent");
    }
    if (actor.role === "viewer") return refuse("Viewers cannot capture or void intents");
    return outside(actor, s, "Intent");
  }) satisfies Rule<AgentSubject>,

  /** Asking an agent's owner about a waiting approval (it stays open): approvers and admins of its organisation. */
  "approval.ask": ((actor, s) => {
    if (actor === "system" || actor.kind === "agent") return refuse("Agent keys cannot ask about approvals");
    if (actor.role === "viewer") return refuse("Viewers cannot ask about approvals");
    return outside(actor, s, "Approval");
  }) satisfies Rule<OrgSubject>,

  /**
   * Answering an approval: approvers and admins only; never the person who submitted the
   * intent; above the admin threshold only admins; routed to an approver group, only the
   * people who answer for it (admins always may); each person once (a second approver is
   * needed), and never someone tied by a password link of the last 24 hours to a person who
   * already answered (the second pair of eyes must be a second person). Without a subject: may this principal answer approvals at all?
   */
  "approval.answer": ((actor, s) => {
    if (actor === "system" || actor.kind === "agent") return refuse("Agent keys cannot answer approvals");
    if (actor.role === "viewer") return refuse("Viewers cannot answer approvals");
    if (!s) return null;
    const away = outside(actor, s, "Approval");
    if (away) return away;
    if (s.status !== undefined && s.status !== "pending") {
      return { code: "approval_already_answered", message: `This approval has already been answered (${s.status})` };
    }
    if (s.submittedByUserId === actor.userId) return refuse("You submitted this intent, so you cannot answer its approval");
    // Whoever created the submitting key may hold a copy of it: approving would be approving themselves.
    if (s.keyCreatedByUserId === actor.userId) return refuse("This intent was submitted with an API key you created, so another person must answer it");
    if (s.requiredRole === "admin" && actor.role !== "admin") return refuse("This amount is above the admin threshold: only an admin can answer");
    const routed = actor.role === "admin" || !s.routing ? null : routingRefusal(s.routing);
    if (routed) return refuse(routed);
    if (s.answeredBy.includes(actor.userId)) {
      return { code: "approval_already_answered", message: "You have already answered this approval; a second approver is needed" };
    }
    // One of them may have chosen the other's password (a reset or invitation link): they are not two people.
    if (s.resetTies?.some((id) => s.answeredBy.includes(id))) {
      return refuse(
        "Your password was set through a link issued by someone who answered this approval (or the other way round) in the last 24 hours: another person must answer",
      );
    }
    return null;
  }) satisfies Rule<ApprovalSubject>,
};

export type Action = keyof typeof RULES;
export type SubjectOf<A extends Action> = Exclude<Parameters<(typeof RULES)[A]>[1], undefined>;

/** Why `actor` may not do `action` (on `subject`), or null when it may. */
export function whyNot<A extends Action>(actor: Actor, action: A, subject?: SubjectOf<A>): Refusal | null {
  return (RULES[action] as Rule<SubjectOf<A>>)(actor, subject);
}

export function can<A extends Action>(actor: Actor, action: A, subject?: SubjectOf<A>): boolean {
  return whyNot(actor, action, subject) === null;
}

/** Throws the AppError the API answers with (403, 404 or 409) when the action is not allowed. */
export function assertCan<A extends Action>(actor: Actor, action: A, subject?: SubjectOf<A>): void {
  const refusal = whyNot(actor, action, subject);
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

/** Narrows to a person: the action needs one (answering, listing approvals). */
export function assertPerson(actor: Actor, action: Action): asserts actor is Extract<Principal, { kind: "user" }> {
  assertCan(actor, action);
  if (actor === "system" || actor.kind !== "user") throw new AppError("forbidden", "Only a person can do this");
}

/** All actions, for tests and documentation. */
export const ACTIONS = Object.keys(RULES) as Action[];
