"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useToast } from "@/components/toast";
import { deleteApproverGroupAction, endDelegationAction } from "./actions";

/** Deletes a group or ends a delegation, after a dialog that says what follows. */
export function RemoveButton({ kind, id, label }: { kind: "group" | "delegation"; id: string; label: string }) {
  const [pending, start] = useTransition();
  const [open, setOpen] = useState(false);
  const toast = useToast();
  return (
    <>
      <Button size="sm" variant="ghost" aria-label={label} disabled={pending} onClick={() => setOpen(true)}>
        {kind === "group" ? "Delete" : "End"}
      </Button>
      <ConfirmDialog
        open={open}
        title={kind === "group" ? "Delete this group?" : "End this delegation now?"}
        confirmLabel={kind === "group" ? "Delete group" : "End delegation"}
        busy={pending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          start(async () => {
            const res = kind === "group" ? await deleteApproverGroupAction(id) : await endDelegationAction(id);
            setOpen(false);
            if (!res.ok) toast({ tone: "error", title: "Not changed", message: res.message });
            else toast({ tone: "success", title: kind === "group" ? "Group deleted" : "Delegation ended" });
          })
        }
      >
        <p>
          {kind === "group"
            ? "Its waiting approvals go back to every approver with the required role."
            : "The delegate stops answering for this person at once; the record stays."}
        </p>
      </ConfirmDialog>
    </>
  );
}
