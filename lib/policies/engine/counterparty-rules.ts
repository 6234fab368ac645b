import { deny, normalizeName, pass, skipped, type RuleChecks, type RuleResult } from "./rule-check";

function includesName(list: string[], name: string): boolean {
  const wanted = normalizeName(name);
  return list.some((entry) => normalizeName(entry) === wanted);
}

function checkBlocklist(label: string, list: string[], value: string | null): RuleResult {
  if (list.length === 0) return skipped(`No ${label} blocklist is set.`);
  if (value === null || value.trim() === "") return skipped(`The intent names no ${label}, so the ${label} blocklist cannot apply.`);
  if (includesName(list, value)) return deny(`The ${label} "${value.trim()}" is on the ${label} blocklist.`);
  return pass(`The ${label} "${value.trim()}" is not on the ${label} blocklist.`);
}

// A non-empty allowlist is a promise that money goes only to listed names, so an intent
// that names no merchant (or category) cannot be shown to keep it and is denied.
function checkAllowlist(label: string, list: string[], value: string | null): RuleResult {
  if (list.length === 0) return skipped(`No ${label} allowlist is set, so any ${label} is allowed.`);
  if (value === null || value.trim() === "") {
    return deny(`The intent names no ${label}, but this policy allows only the ${label} names on its allowlist.`);
  }
  if (includesName(list, value)) return pass(`The ${label} "${value.trim()}" is on the ${label} allowlist.`);
  return deny(`The ${label} "${value.trim()}" is not on the ${label} allowlist.`);
}

/** Rules about who is paid: merchant and merchant category lists. */
export const counterpartyRules: RuleChecks<"merchant_blocklist" | "merchant_allowlist" | "category_blocklist" | "category_allowlist"> = {
  merchant_blocklist: ({ input, rules }) => checkBlocklist("merchant", rules.merchantBlocklist, input.intent.merchant),
  merchant_allowlist: ({ input, rules }) => checkAllowlist("merchant", rules.merchantAllowlist, input.intent.merchant),
  category_blocklist: ({ input, rules }) => checkBlocklist("merchant category", rules.categoryBlocklist, input.intent.merchantCategory),
  category_allowlist: ({ input, rules }) => checkAllowlist("merchant category", rules.categoryAllowlist, input.intent.merchantCategory),
};
