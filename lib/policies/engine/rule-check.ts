import { formatMinorUnits } from "./format-minor-units";
import type { EffectiveRules, EvaluationInput, RuleName, TraceResult } from "./types";

/** What every rule check sees: the raw input plus the rules already resolved for this agent. */
export interface RuleContext {
  input: EvaluationInput;
  rules: EffectiveRules;
  /**
   * The intent's amount in the policy's currency, the one every money rule compares with the
   * limits; null when the intent is in another currency (those rules skip, `currency` denies).
   */
  amount: number | null;
  /** Formats minor units in the policy's currency (the intent's, whenever `amount` is set). */
  money: (amount: number) => string;
}

export interface RuleResult {
  result: TraceResult;
  detail: string;
}

export type RuleCheck = (ctx: RuleContext) => RuleResult;
export type RuleChecks<K extends RuleName> = Record<K, RuleCheck>;

export function createRuleContext(input: EvaluationInput, rules: EffectiveRules): RuleContext {
  const amount = sameCurrency(input.intent.currency, input.policyCurrency) ? input.intent.amount : null;
  return { input, rules, amount, money: (minor) => formatMinorUnits(minor, input.policyCurrency) };
}

/** Whether two ISO 4217 codes name the same currency; the exact match first, as that is the common case. */
export function sameCurrency(a: string, b: string): boolean {
  return a === b || normalizeCurrency(a) === normalizeCurrency(b);
}

export const pass = (detail: string): RuleResult => ({ result: "pass", detail });
export const deny = (detail: string): RuleResult => ({ result: "deny", detail });
export const requireApproval = (detail: string): RuleResult => ({ result: "require_approval", detail });
export const skipped = (detail: string): RuleResult => ({ result: "skipped", detail });

/** What a money rule records for an intent it cannot compare: the limits are in another currency. */
export const otherCurrency = ({ input }: RuleContext): RuleResult =>
  skipped(`Limits are in ${normalizeCurrency(input.policyCurrency)}; a ${normalizeCurrency(input.intent.currency)} amount is not compared with them.`);

// Whitespace and invisible format characters (zero-width space, joiners, BOM) at either end.
const OUTER = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu;
const PLAIN = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/**
 * The form in which names are compared: whole names, ignoring case and outer whitespace
 * ("  Stripe " is "stripe"; "notamazon.com" is not "amazon.com"). Unicode compatibility forms
 * are folded first (NFKC: full-width "Ａｍａｚｏｎ" is "amazon"), so look-alike spellings of
 * a blocked name cannot slip past the list.
 */
export function normalizeName(name: string): string {
  if (PLAIN.test(name)) return name.toLowerCase(); // the common case: printable ASCII, nothing to trim
  return name.normalize("NFKC").replace(OUTER, "").toLowerCase();
}

const nameSets = new WeakMap<readonly string[], Set<string>>();

/** Whether `list` holds `normalized` (a normalizeName result); each list is normalized once. */
export function listHasName(list: readonly string[], normalized: string): boolean {
  let set = nameSets.get(list);
  if (!set) nameSets.set(list, (set = new Set(list.map(normalizeName))));
  return set.has(normalized);
}

export function normalizeCurrency(code: string): string {
  return code.trim().toUpperCase();
}
