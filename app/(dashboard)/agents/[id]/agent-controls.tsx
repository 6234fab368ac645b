"use client";

import { useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import { setAgentStatusAction, setRiskOverrideAction } from "./actions";

type Risk = "low" | "medium" | "high" | "critical";

/** Suspend / resume (the confirmation says what waits for the agent) and the risk override (asks why). */
export function AgentControls({
  agentId,
  status,
  riskOverride,
  waitingCount = 0,
}: {
  agentId: string;
  status: "active" | "suspended";
  riskOverride: Risk | null;
  waitingCount?: number;
}) {
  const [pending, start] = useTransition();
  const toast = useToast();
  const suspended = status === "suspended";

  const toggle = () =>
    start(async () => {
      if (
        !suspended &&
        !window.confirm(
          `Suspend this agent? Its new intents will be denied, and its approvals cannot be answered, until you resume it. ${waitingCount === 0 ? "Nothing is awaiting approval for it." : `${waitingCount >= 100 ? "100+" : waitingCount} of its intents are awaiting approval.`}`,
        )
      )
        return;
      const rejectPending =
        !suspended && window.confirm("Also reject all of its approvals that are waiting for a person now? (Cancel keeps them waiting until you resume it.)");
      const res = await setAgentStatusAction(agentId, suspended ? "active" : "suspended", rejectPending);
      toast(
        res.ok ? { tone: "success", title: suspended ? "Agent resumed" : "Agent suspended" } : { tone: "error", title: "Not changed", message: res.message },
      );
    });

  const setRisk = (value: string) =>
    start(async () => {
      const reason = window.prompt(
        value ? `Why set the risk to ${value}? (kept in the audit log and shown on this page)` : "Why return the risk to the computed level?",
      );
      if (!reason || reason.trim().length < 3) return toast({ tone: "error", title: "Not changed", message: "Say why (at least 3 characters)." });
      const res = await setRiskOverrideAction(agentId, value ? (value as Risk) : null, reason);
      toast(
        res.ok
          ? { tone: "success", title: value ? `Risk set to ${value}` : "Risk back to computed" }
          : { tone: "error", title: "Not changed", message: res.message },
      );
    });

  return (
    <>
      <label className="sr-only" htmlFor="risk-override">
        Risk override
      </label>
      <select
        id="risk-override"
        disabled={pending}
        defaultValue={riskOverride ?? ""}
        onChange={(e) => setRisk(e.target.value)}
        className="h-8 rounded-lg border-0 bg-white px-2 text-sm ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
      >
        <option value="">Risk: computed</option>
        {(["low", "medium", "high", "critical"] as const).map((r) => (
          <option key={r} value={r}>
            Risk: {r}
          </option>
        ))}
      </select>
      <Button size="sm" variant={suspended ? "success" : "danger"} disabled={pending} onClick={toggle}>
        {suspended ? "Resume agent" : "Suspend agent"}
      </Button>
    </>
  );
}
