import { deny, listHasName, normalizeName, pass, skipped, type RuleChecks, type RuleResult } from "./rule-check";

function checkBlocklist(label: string, list: string[], value: string | null): RuleResult {
  if (list.length === 0) return skipped(`No ${label} blocklist is set.`);
  const name = value === null ? "" : normalizeName(value);
  if (name === "") return skipped(`The intent names no ${label}, so the ${label} blocklist cannot apply.`);
  if (listHasName(list, name)) return deny(`The ${label} "${value!.trim()}" is on the ${label} blocklist.`);
  return pass(`The ${label} "${value!.trim()}" is not on the ${label} blocklist.`);
}

// A non-empty allowlist is a promise that money goes only to listed names, so an intent
// that names no merchant (or category) cannot be shown to keep it and is denied. With an
// agent's own allowlist beside the organisation's, the name must be on both: an override
// narrows what may be paid, it never widens it.
function checkAllowlists(label: string, lists: string[][], value: string | null): RuleResult {
  if (lists.length === 0) return skipped(`No ${label} allowlist is set, so any ${label} is allowed.`);
  const name = value === null ? "" : normalizeName(value);
  if (name === "") return deny(`The intent names no ${label}, but this policy allows only the ${label} names on its allowlist.`);
  for (let n = 0; n < lists.length; n++) {
    if (!listHasName(lists[n], name)) {
      const whose = n === 0 && lists.length > 1 ? "organisation's " : n > 0 ? "agent's own " : "";
      return deny(`The ${label} "${value!.trim()}" is not on the ${whose}${label} allowlist.`);
    }
  }
  return pass(`The ${label} "${value!.trim()}" is on the ${label} allowlist${lists.length > 1 ? "s of both the organisation and the agent" : ""}.`);
}

/** Rules about who is paid: merchant and merchant category lists. A block always wins over an allow. */
export const counterpartyRules: RuleChecks<"merchant_blocklist" | "merchant_allowlist" | "category_blocklist" | "category_allowlist"> = {
  merchant_blocklist: ({ input, rules }) => checkBlocklist("merchant", rules.merchantBlocklist, input.intent.merchant),
  merchant_allowlist: ({ input, rules }) => checkAllowlists("merchant", rules.merchantAllowlists, input.intent.merchant),
  category_blocklist: ({ input, rules }) => checkBlocklist("merchant category", rules.categoryBlocklist, input.intent.merchantCategory),
  category_allowlist: ({ input, rules }) => checkAllowlists("merchant category", rules.categoryAllowlists, input.intent.merchantCategory),
};
