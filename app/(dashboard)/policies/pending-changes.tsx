"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Time } from "@/components/org-time";
import { useToast } from "@/components/toast";
import type { PolicyChangeProposalView } from "@/lib/policies/policy-change-schemas";
import { approvePolicyChangeAction, rejectPolicyChangeAction } from "./actions";

export type PendingChange = Omit<PolicyChangeProposalView, "document">;

const KIND = { edit: "Edit", restore: "Restore", promote_shadow: "Shadow draft made live", agent_override: "Agent's own rules" } as const;

/**
 * "Waiting for a second admin": every pending policy change with its reason and its diff in
 * plain words. Another admin approves or rejects it; its proposer sees that it waits for
 * someone else and may withdraw it (the verbs enforce the same rule).
 */
export function PendingChanges({ changes, userId }: { changes: PendingChange[]; userId: string }) {
  const [pending, start] = useTransition();
  const [rejecting, setRejecting] = useState<PendingChange | null>(null);
  const toast = useToast();
  const router = useRouter();

  const approve = (c: PendingChange) =>
    start(async () => {
      const res = await approvePolicyChangeAction(c.id);
      if (!res.ok) {
        toast({ tone: "error", title: "Could not approve the change", message: res.message });
        return router.refresh();
      }
      toast({ tone: "success", title: `Policy version ${res.data.version} is live`, message: "New intents are decided with it from now on." });
      router.refresh();
    });

  const reject = (c: PendingChange, reason: string) =>
    start(async () => {
      const res = await rejectPolicyChangeAction(c.id, reason);
      setRejecting(null);
      if (!res.ok) return toast({ tone: "error", title: "Could not reject the change", message: res.message });
      toast({ tone: "success", title: res.data.status === "withdrawn" ? "Change withdrawn" : "Change rejected" });
      router.refresh();
    });

  return (
    <>
      <ul aria-label="Policy changes waiting for a second admin" className="divide-y divide-slate-100 dark:divide-slate-800">
        {changes.map((c) => {
          const mine = c.proposed_by_user_id === userId;
          return (
            <li key={c.id} aria-label={`Change by ${c.proposed_by}`} className="space-y-2 px-5 py-4">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone="amber" dot>
                  {KIND[c.kind]}
                </Badge>
                <span className="text-slate-700 dark:text-slate-200">
                  Proposed by <strong>{mine ? "you" : c.proposed_by}</strong> on <Time at={c.created_at} />, on version {c.base_version}
                </span>
              </div>
              <p className="text-sm text-slate-700 dark:text-slate-200">
                <span className="text-slate-500 dark:text-slate-400">Reason: </span>
                {c.reason}
              </p>
              <ul aria-label="What changes" className="list-disc space-y-0.5 pl-5 text-sm text-slate-900 dark:text-white">
                {c.changes.length ? c.changes.map((line) => <li key={line}>{line}</li>) : <li>No visible change (a version saved as it is)</li>}
              </ul>
              <div className="flex flex-wrap items-center justify-end gap-2">
                {mine ? (
                  <>
                    <span className="mr-auto text-sm text-amber-700 dark:text-amber-300">Waiting for another admin to approve it.</span>
                    <Button size="sm" variant="ghost" disabled={pending} onClick={() => setRejecting(c)}>
                      Withdraw
                    </Button>
                  </>
                ) : (
                  <>
                    <Button size="sm" variant="secondary" disabled={pending} onClick={() => setRejecting(c)}>
                      Reject
                    </Button>
                    <Button size="sm" disabled={pending} onClick={() => approve(c)}>
                      Approve
                    </Button>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={rejecting !== null}
        title={rejecting?.proposed_by_user_id === userId ? "Withdraw your change?" : "Reject this change?"}
        confirmLabel={rejecting?.proposed_by_user_id === userId ? "Withdraw" : "Reject"}
        reason={{ label: "Reason", mode: "required", placeholder: "Why it should not go live" }}
        busy={pending}
        onConfirm={(reason) => rejecting && reject(rejecting, reason)}
        onCancel={() => setRejecting(null)}
      >
        Nothing changes in the live policy.
      </ConfirmDialog>
    </>
  );
}
