import type { PolicyDocument, PolicyRulesOverrideDocument } from "@/lib/policies/engine";
import { formatMoney } from "@/lib/format/money";
import { RULE_LABELS, describeRuleValue } from "./describe-rules";

type Names = ReadonlyMap<string, string>;
type Section = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const APPROVALS: Record<string, string> = {
  admin_threshold: "Only an admin may approve above",
  dual_approval_threshold: "Two approvers needed above",
  expiry_hours: "An approval expires after",
};
const SETTLEMENT: Record<string, string> = { auto_after_hours: "Settle automatically after", auto_action: "Automatic settlement" };

function approvalValue(key: string, v: unknown, currency: string): string {
  if (key === "expiry_hours") return `${String(v)} hours`;
  if (v === null) return key === "admin_threshold" ? "No threshold" : "Never";
  return formatMoney(v as number, currency);
}

function settlementValue(key: string, v: unknown): string {
  if (key === "auto_after_hours") return v === null ? "Never" : `${String(v)} hours`;
  return v === "void" ? "Void (nothing was paid)" : "Capture (the approved amount was paid)";
}

function sectionLines(before: Section, after: Section, labels: Record<string, string>, value: (k: string, v: unknown) => string, prefix = ""): string[] {
  return Object.keys(labels)
    .filter((k) => !same(before[k], after[k]))
    .map(
      (k) =>
        `${prefix}${labels[k]} ${before[k] === undefined ? "(organisation's rule)" : value(k, before[k])} → ${after[k] === undefined ? "(organisation's rule)" : value(k, after[k])}`,
    );
}

/**
 * What a policy change does, in plain words, one line per changed setting:
 * "Auto-approve up to ₹10,000.00 → ₹15,000.00", "Bot: Deny above (organisation's rule) → ₹50,000.00".
 * Money in the organisation's currency, agents by name (their id when the name is unknown).
 * Pure, so the editor shows the same lines in the browser that the proposal list shows.
 */
export function describePolicyChanges(before: PolicyDocument, after: PolicyDocument, currency: string, names: Names = new Map()): string[] {
  const rule = (k: string, v: unknown) => describeRuleValue(k, v, currency);
  const lines = [
    ...sectionLines(before.rules as Section, after.rules as Section, RULE_LABELS, rule),
    ...sectionLines(before.approvals as Section, after.approvals as Section, APPROVALS, (k, v) => approvalValue(k, v, currency)),
    ...sectionLines((before.settlement ?? {}) as Section, (after.settlement ?? {}) as Section, SETTLEMENT, settlementValue),
  ];
  const agents = [...new Set([...Object.keys(before.agent_overrides), ...Object.keys(after.agent_overrides)])];
  for (const id of agents) {
    const name = names.get(id) ?? id;
    const was: PolicyRulesOverrideDocument | undefined = before.agent_overrides[id];
    const now: PolicyRulesOverrideDocument | undefined = after.agent_overrides[id];
    if (same(was, now)) continue;
    if (now === undefined) lines.push(`${name}: own rules removed (the organisation's rules apply)`);
    else lines.push(...sectionLines((was ?? {}) as Section, now as Section, RULE_LABELS, rule, `${name}: `));
  }
  return lines;
}
