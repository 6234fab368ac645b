import { deny, pass, requireApproval, skipped, type RuleChecks } from "./rule-check";

/** Rules about the agent and how it behaves: status, request rate, confidence, risk. */
export const agentRules: RuleChecks<"agent_status" | "velocity" | "min_confidence" | "risk_level"> = {
  agent_status: ({ input }) => (input.agent.status === "active" ? pass("The agent is active.") : deny("The agent is suspended and may not spend.")),

  velocity: ({ input, rules }) => {
    const max = rules.maxIntentsPerHour;
    const count = input.usage.intentsLastHour;
    if (max === null) return skipped("No limit on intents per hour is set.");
    if (count >= max) {
      return deny(`The agent has already submitted ${count} intents in the last hour; the limit is ${max} per hour.`);
    }
    return pass(`The agent has submitted ${count} intents in the last hour, under the limit of ${max} per hour.`);
  },

  min_confidence: ({ input, rules }) => {
    const confidence = input.intent.confidence;
    if (confidence === null) return skipped("The intent gives no confidence score.");
    if (confidence < rules.minConfidence) {
      const detail = `Confidence ${confidence} is below the minimum of ${rules.minConfidence}`;
      return rules.lowConfidenceAction === "deny" ? deny(`${detail}.`) : requireApproval(`${detail}; a human must approve.`);
    }
    return pass(`Confidence ${confidence} meets the minimum of ${rules.minConfidence}.`);
  },

  risk_level: ({ input, rules }) => {
    const level = input.agent.riskLevel;
    if (rules.approvalRiskLevels.length === 0) return skipped("No risk level requires human approval.");
    if (rules.approvalRiskLevels.includes(level)) {
      return requireApproval(`The agent's risk level is ${level}; intents from ${level}-risk agents need a human to approve.`);
    }
    return pass(`The agent's risk level ${level} does not require human approval.`);
  },
};
