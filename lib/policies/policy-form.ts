import type { ErrorDetail } from "@/lib/errors/app-error";
import { parseMajorAmount } from "@/lib/format/money";
import type { PolicyDocument, PolicyRulesOverrideDocument } from "@/lib/policies/engine";
import { groupingLocale, minorUnitDigits } from "@/lib/policies/engine/format-minor-units";

/**
 * The policy editor's form: what a controller types (amounts in the organisation's currency
 * like "10,000.00", lists one per line, percentages), and its conversion to and from the
 * policy document (minor units). Pure, so the browser checks it as you type and the tests
 * check it without a page. Fields the form does not show are carried over untouched.
 */
export type OverrideForm = {
  agentId: string;
  auto_approve_limit: string;
  hard_limit: string;
  daily_budget: string;
  monthly_budget: string;
  max_intents_per_hour: string;
};
export type PolicyForm = {
  auto_approve_limit: string;
  hard_limit: string;
  daily_budget: string;
  monthly_budget: string;
  merchant_allowlist: string;
  merchant_blocklist: string;
  category_allowlist: string;
  category_blocklist: string;
  min_confidence: string;
  low_confidence_action: "require_approval" | "deny";
  max_intents_per_hour: string;
  admin_threshold: string;
  dual_approval_threshold: string;
  expiry_hours: string;
  overrides: OverrideForm[];
};

export const OVERRIDE_MONEY = ["auto_approve_limit", "hard_limit", "daily_budget", "monthly_budget"] as const;
/** In an agent's row: empty means "the organisation's rule"; this word means "no limit" (null). */
export const NO_LIMIT = "none";

export function amountText(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return (minor / 10 ** digits).toLocaleString(groupingLocale(currency), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const list = (v: string[]) => v.join("\n");
const optionalAmount = (v: number | null, currency: string) => (v === null ? "" : amountText(v, currency));

function overrideText(v: number | null | undefined, money: boolean, currency: string): string {
  if (v === undefined) return "";
  if (v === null) return NO_LIMIT;
  return money ? amountText(v, currency) : String(v);
}

export function toPolicyForm(doc: PolicyDocument, currency: string): PolicyForm {
  const r = doc.rules;
  return {
    auto_approve_limit: amountText(r.auto_approve_limit, currency),
    hard_limit: amountText(r.hard_limit, currency),
    daily_budget: optionalAmount(r.daily_budget, currency),
    monthly_budget: optionalAmount(r.monthly_budget, currency),
    merchant_allowlist: list(r.merchant_allowlist),
    merchant_blocklist: list(r.merchant_blocklist),
    category_allowlist: list(r.category_allowlist),
    category_blocklist: list(r.category_blocklist),
    min_confidence: String(Math.round(r.min_confidence * 100)),
    low_confidence_action: r.low_confidence_action,
    max_intents_per_hour: r.max_intents_per_hour === null ? "" : String(r.max_intents_per_hour),
    admin_threshold: optionalAmount(doc.approvals.admin_threshold, currency),
    dual_approval_threshold: optionalAmount(doc.approvals.dual_approval_threshold, currency),
    expiry_hours: String(doc.approvals.expiry_hours),
    overrides: Object.entries(doc.agent_overrides).map(([agentId, o]) => ({
      agentId,
      auto_approve_limit: overrideText(o.auto_approve_limit, true, currency),
      hard_limit: overrideText(o.hard_limit, true, currency),
      daily_budget: overrideText(o.daily_budget, true, currency),
      monthly_budget: overrideText(o.monthly_budget, true, currency),
      max_intents_per_hour: overrideText(o.max_intents_per_hour, false, currency),
    })),
  };
}

/** One name per line (names may hold commas: "Acme, Inc."). */
const lines = (text: string) => [
  ...new Set(
    text
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/**
 * The form as a document on top of `base` (the version it was loaded from), or the problems
 * by field (named as the form's inputs are). Amount rules past that (hard limit at least the
 * auto-approve limit, …) are the policy schema's, checked on the server.
 */
export function fromPolicyForm(form: PolicyForm, base: PolicyDocument, currency: string): { document: PolicyDocument; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const example = amountText(10 ** minorUnitDigits(currency) * 10_000, currency);
  const amount = (field: string, text: string): number => {
    const v = parseMajorAmount(text.trim(), currency);
    if (v === null) errors.push({ field, issue: `must be an amount in ${currency}, like ${example}` });
    return v ?? 0;
  };
  const optional = (field: string, text: string) => (text.trim() === "" ? null : amount(field, text));
  const whole = (field: string, text: string, min: number): number => {
    const v = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || v < min) errors.push({ field, issue: `must be a whole number of at least ${min}` });
    return v;
  };
  const confidence = Number(form.min_confidence.trim());
  if (!/^\d+(\.\d+)?$/.test(form.min_confidence.trim()) || confidence > 100)
    errors.push({ field: "min_confidence", issue: "must be a percentage from 0 to 100" });

  const overrides: Record<string, PolicyRulesOverrideDocument> = {};
  for (const o of form.overrides) {
    const field = (k: string) => `agent_overrides.${o.agentId}.${k}`;
    const next: Record<string, unknown> = { ...(base.agent_overrides[o.agentId] ?? {}) };
    for (const k of OVERRIDE_MONEY) {
      const t = o[k].trim();
      if (t === "") delete next[k];
      else if (t.toLowerCase() === NO_LIMIT && (k === "daily_budget" || k === "monthly_budget")) next[k] = null;
      else next[k] = amount(field(k), t);
    }
    const perHour = o.max_intents_per_hour.trim();
    if (perHour === "") delete next.max_intents_per_hour;
    else next.max_intents_per_hour = perHour.toLowerCase() === NO_LIMIT ? null : whole(field("max_intents_per_hour"), perHour, 1);
    overrides[o.agentId] = next as PolicyRulesOverrideDocument;
  }

  const document: PolicyDocument = {
    ...base,
    rules: {
      ...base.rules,
      auto_approve_limit: amount("auto_approve_limit", form.auto_approve_limit),
      hard_limit: amount("hard_limit", form.hard_limit),
      daily_budget: optional("daily_budget", form.daily_budget),
      monthly_budget: optional("monthly_budget", form.monthly_budget),
      merchant_allowlist: lines(form.merchant_allowlist),
      merchant_blocklist: lines(form.merchant_blocklist),
      category_allowlist: lines(form.category_allowlist),
      category_blocklist: lines(form.category_blocklist),
      // Untouched, the stored value stays exact (the form shows whole percentages).
      min_confidence: form.min_confidence.trim() === String(Math.round(base.rules.min_confidence * 100)) ? base.rules.min_confidence : confidence / 100,
      low_confidence_action: form.low_confidence_action,
      max_intents_per_hour: form.max_intents_per_hour.trim() === "" ? null : whole("max_intents_per_hour", form.max_intents_per_hour, 1),
    },
    approvals: {
      ...base.approvals,
      admin_threshold: optional("admin_threshold", form.admin_threshold),
      dual_approval_threshold: optional("dual_approval_threshold", form.dual_approval_threshold),
      expiry_hours: whole("expiry_hours", form.expiry_hours, 1),
    },
    agent_overrides: overrides,
  };
  return { document, errors };
}
