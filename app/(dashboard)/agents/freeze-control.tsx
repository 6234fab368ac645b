"use client";

import { useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import { setSpendingFrozenAction } from "./freeze-actions";

/**
 * Kill switch button: freezes all spending of the organisation (agentId null) or of one
 * agent after a confirmation that asks why; lifts it in one click.
 */
export function FreezeControl({ agentId, frozen }: { agentId: string | null; frozen: boolean }) {
  const [pending, start] = useTransition();
  const toast = useToast();
  const whose = agentId ? "this agent" : "the whole organisation";

  const toggle = () =>
    start(async () => {
      let reason = "";
      if (!frozen) {
        const answer = window.prompt(
          `Freeze all spending of ${whose}? New intents will be denied and no approval can be given until you unfreeze. Reason (optional):`,
        );
        if (answer === null) return;
        reason = answer;
      }
      const res = await setSpendingFrozenAction(agentId, !frozen, reason);
      toast(
        res.ok ? { tone: "success", title: frozen ? "Spending unfrozen" : "Spending frozen" } : { tone: "error", title: "Not changed", message: res.message },
      );
    });

  return (
    <Button size="sm" variant={frozen ? "success" : "danger"} disabled={pending} onClick={toggle}>
      {frozen ? (agentId ? "Unfreeze agent" : "Unfreeze all spending") : agentId ? "Freeze agent" : "Freeze all spending"}
    </Button>
  );
}
