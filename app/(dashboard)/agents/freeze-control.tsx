"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useToast } from "@/components/toast";
import { setSpendingFrozenAction } from "./freeze-actions";

/**
 * Kill switch button: freezes all spending of the organisation (agentId null) or of one agent
 * after a dialog that says what a freeze does (and how it differs from suspending an agent) and
 * asks why; lifts it after a shorter one.
 */
export function FreezeControl({ agentId, frozen }: { agentId: string | null; frozen: boolean }) {
  const [pending, start] = useTransition();
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const whose = agentId ? "this agent" : "the whole organisation";

  const send = (reason: string) =>
    start(async () => {
      const res = await setSpendingFrozenAction(agentId, !frozen, reason);
      setOpen(false);
      toast(
        res.ok ? { tone: "success", title: frozen ? "Spending unfrozen" : "Spending frozen" } : { tone: "error", title: "Not changed", message: res.message },
      );
    });

  return (
    <>
      <Button size="sm" variant={frozen ? "success" : "danger"} disabled={pending} onClick={() => setOpen(true)}>
        {frozen ? (agentId ? "Unfreeze agent" : "Unfreeze all spending") : agentId ? "Freeze agent" : "Freeze all spending"}
      </Button>
      <ConfirmDialog
        open={open}
        title={frozen ? `Unfreeze spending of ${whose}?` : `Freeze all spending of ${whose}?`}
        confirmLabel={frozen ? "Unfreeze" : "Freeze spending"}
        tone={frozen ? "primary" : "danger"}
        busy={pending}
        reason={
          frozen ? undefined : { label: "Why (kept in the audit log and shown on the banner)", mode: "optional", placeholder: "e.g. Card details leaked" }
        }
        onConfirm={send}
        onCancel={() => setOpen(false)}
      >
        {frozen ? (
          <p>New intents are decided by the policy again, and waiting approvals can be approved.</p>
        ) : (
          <>
            <p>
              <strong>Freeze</strong> is the kill switch for money: every new intent is denied, and no waiting approval can be approved (rejecting still works).
              Nothing else changes, and one click lifts it.
            </p>
            {agentId && (
              <p>
                <strong>Suspend</strong> instead takes the agent out of service: its intents are denied and its approvals take no answer at all until it is
                resumed.
              </p>
            )}
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
