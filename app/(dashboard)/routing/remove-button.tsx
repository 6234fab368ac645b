"use client";

import { useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import { deleteApproverGroupAction, endDelegationAction } from "./actions";

/** Deletes a group or ends a delegation, after a confirmation. */
export function RemoveButton({ kind, id, label }: { kind: "group" | "delegation"; id: string; label: string }) {
  const [pending, start] = useTransition();
  const toast = useToast();
  const question = kind === "group" ? "Delete this group? Its waiting approvals go back to every approver." : "End this delegation now?";
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={label}
      disabled={pending}
      onClick={() => {
        if (!window.confirm(question)) return;
        start(async () => {
          const res = kind === "group" ? await deleteApproverGroupAction(id) : await endDelegationAction(id);
          if (!res.ok) toast({ tone: "error", title: "Not changed", message: res.message });
          else toast({ tone: "success", title: kind === "group" ? "Group deleted" : "Delegation ended" });
        });
      }}
    >
      {kind === "group" ? "Delete" : "End"}
    </Button>
  );
}
