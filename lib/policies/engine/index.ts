export type {
  ApprovalSettings,
  BudgetWindow,
  Decision,
  EffectiveRules,
  EvaluationInput,
  Outcome,
  Policy,
  PolicyRules,
  RiskLevel,
  RuleName,
  TraceResult,
  TraceStep,
} from "./types";
export { RISK_LEVELS, RULE_NAMES } from "./types";
export { evaluatePolicy } from "./evaluate-policy";
export { findAgentOverride, resolveEffectiveRules } from "./resolve-effective-rules";
export { dayWindow, localDate, monthWindow, type TimeWindow } from "./budget-windows";
export { formatMinorUnits, minorUnitDigits } from "./format-minor-units";
export { DEFAULT_AGENT_BUDGETS, DEFAULT_POLICY } from "./default-policy";
export {
  ApprovalSettingsDocumentSchema,
  PolicyDocumentSchema,
  PolicyRulesDocumentSchema,
  PolicyRulesOverrideDocumentSchema,
  parsePolicyDocument,
  parseRulesOverride,
  toPolicyDocument,
  type PolicyDocument,
  type PolicyDocumentInput,
  type PolicyRulesDocument,
  type PolicyRulesOverrideDocument,
} from "./policy-document";
