"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useToast } from "@/components/toast";
import { setAgentStatusAction, setRiskOverrideAction } from "./actions";

type Risk = "low" | "medium" | "high" | "critical";

/** Suspend / resume and the risk override, each through a dialog that says what it does and (for the risk) asks why. */
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
  const [suspendOpen, setSuspendOpen] = useState(false);
  const [rejectPending, setRejectPending] = useState(false);
  const [risk, setRisk] = useState<string | null>(null);
  const toast = useToast();
  const suspended = status === "suspended";
  const waiting =
    waitingCount === 0 ? "Nothing is awaiting approval for it." : `${waitingCount >= 100 ? "100+" : waitingCount} of its intents are awaiting approval.`;

  const setStatus = () =>
    start(async () => {
      const res = await setAgentStatusAction(agentId, suspended ? "active" : "suspended", !suspended && rejectPending);
      setSuspendOpen(false);
      toast(
        res.ok ? { tone: "success", title: suspended ? "Agent resumed" : "Agent suspended" } : { tone: "error", title: "Not changed", message: res.message },
      );
    });

  const saveRisk = (value: string, reason: string) =>
    start(async () => {
      const res = await setRiskOverrideAction(agentId, value ? (value as Risk) : null, reason);
      setRisk(null);
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
        value={riskOverride ?? ""}
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
      <Button size="sm" variant={suspended ? "success" : "danger"} disabled={pending} onClick={() => setSuspendOpen(true)}>
        {suspended ? "Resume agent" : "Suspend agent"}
      </Button>

      <ConfirmDialog
        open={risk !== null}
        title={risk ? `Set the risk to ${risk}?` : "Return the risk to the computed level?"}
        confirmLabel={risk ? `Set to ${risk}` : "Use computed risk"}
        tone="primary"
        busy={pending}
        reason={{ label: "Why (kept in the audit log and shown on this page)", mode: "required", placeholder: "At least 3 characters" }}
        onConfirm={(reason) =>
          reason.length < 3 ? toast({ tone: "error", title: "Not changed", message: "Say why (at least 3 characters)." }) : saveRisk(risk ?? "", reason)
        }
        onCancel={() => setRisk(null)}
      >
        <p>
          {risk
            ? `Policies treat the agent as ${risk} risk until you return it to the computed level (by default high and critical agents always need a person).`
            : "The level computed from the agent's history applies again."}
        </p>
      </ConfirmDialog>

      <ConfirmDialog
        open={suspendOpen}
        title={suspended ? "Resume this agent?" : "Suspend this agent?"}
        confirmLabel={suspended ? "Resume agent" : "Suspend agent"}
        tone={suspended ? "primary" : "danger"}
        busy={pending}
        onConfirm={setStatus}
        onCancel={() => setSuspendOpen(false)}
      >
        {suspended ? (
          <p>Its new intents are decided by the policy again, and its waiting approvals can be answered.</p>
        ) : (
          <>
            <p>
              <strong>Suspend</strong> takes the agent out of service: its new intents are denied, and its approvals cannot be answered until you resume it.{" "}
              {waiting}
            </p>
            <p>
              <strong>Freeze</strong> (the kill switch) is the lighter stop: new intents are denied and nothing can be approved, but rejecting still works.
            </p>
            {waitingCount > 0 && (
              <label className="flex items-start gap-2 text-slate-800 dark:text-slate-100">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 accent-brand-600"
                  checked={rejectPending}
                  onChange={(e) => setRejectPending(e.target.checked)}
                />
                Also reject its approvals that are waiting now (otherwise they wait until you resume it)
              </label>
            )}
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
