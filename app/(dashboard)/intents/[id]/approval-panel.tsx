"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { Button } from "@/components/button";
import { useStepUp } from "@/components/step-up";
import { useToast } from "@/components/toast";
import { UNDO_MS, Undone, UndoWindow } from "@/components/undo-window";
import { respondToApprovalAction } from "@/app/(dashboard)/_actions/approval-actions";

type Decision = "approve" | "reject";
const noSubscription = () => () => {};

/**
 * Approve / reject from the intent page, through the same server action as the inbox and
 * with the same Undo window (a react-query mutation that waits out an UndoWindow, as in the
 * inbox). On a phone the buttons sit in a bar fixed to the bottom of the screen, so they stay
 * in reach however long the page is.
 */
export function ApprovalPanel({ approvalId }: { approvalId: string }) {
  const [comment, setComment] = useState("");
  // The comment is read when the answer is sent: it may still be edited inside the window.
  const commentRef = useRef(comment);
  useEffect(() => {
    commentRef.current = comment;
  }, [comment]);
  const [refreshing, startRefresh] = useTransition();
  const router = useRouter();
  const toast = useToast();
  const stepUp = useStepUp();

  const mutation = useMutation({
    mutationKey: ["approval-answer", approvalId],
    networkMode: "always",
    mutationFn: async ({ decision, undoWindow }: { decision: Decision; undoWindow: UndoWindow }) => {
      await undoWindow.closed;
      const res = await respondToApprovalAction(approvalId, decision, commentRef.current);
      // A large approval wants a fresh second factor: ask for it, then send the same answer again.
      if (!res.ok && res.code === "step_up_required" && (await stepUp(res.message))) return respondToApprovalAction(approvalId, decision, commentRef.current);
      return res;
    },
    onSuccess: (res, { decision }) => {
      if (res.ok)
        toast({
          tone: "success",
          title: decision === "approve" ? "Approved" : "Rejected",
          message: res.data.status === "pending" ? "A second approver must also approve." : undefined,
        });
      else
        toast({
          tone: "error",
          title: res.code === "approval_already_answered" ? "Someone else answered first" : "Your answer was not recorded",
          message: res.message,
        });
    },
    onError: (err) => {
      if (!(err instanceof Undone)) toast({ tone: "error", title: "Your answer was not recorded", message: err.message });
    },
    onSettled: (_res, err) => {
      if (!(err instanceof Undone)) startRefresh(() => router.refresh());
    },
  });

  const undoWindow = mutation.isPending ? mutation.variables.undoWindow : undefined;
  const phase = useSyncExternalStore(
    undoWindow?.subscribe ?? noSubscription,
    () => undoWindow?.phase,
    () => undefined,
  );
  const waiting = phase === "open" ? mutation.variables?.decision : null;
  const [needReason, setNeedReason] = useState(false);
  // A rejection needs a reason (the agent's owner reads it); the field says so and takes focus.
  const answer = (decision: Decision) => {
    if (decision === "reject" && !commentRef.current.trim()) {
      setNeedReason(true);
      return document.getElementById("approval-comment")?.focus();
    }
    setNeedReason(false);
    mutation.mutate({ decision, undoWindow: new UndoWindow(UNDO_MS) });
  };
  const undo = () => undoWindow?.undo();
  // Leaving the page inside the window takes the answer back: nothing is sent.
  useEffect(() => () => void undoWindow?.undo(), [undoWindow]);
  const busy = mutation.isPending || refreshing;

  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50/60 p-3 dark:border-amber-900 dark:bg-amber-950/30">
      <label htmlFor="approval-comment" className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200">
        Comment (needed to reject)
      </label>
      <textarea
        id="approval-comment"
        rows={2}
        value={comment}
        maxLength={2000}
        onChange={(e) => setComment(e.target.value)}
        aria-invalid={needReason}
        aria-describedby={needReason ? "approval-comment-error" : undefined}
        className="block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-950 dark:ring-slate-700"
      />
      {needReason && (
        <p id="approval-comment-error" role="alert" className="mt-1 text-xs font-medium text-rose-700 dark:text-rose-400">
          Say why you reject it: the agent&rsquo;s owner reads it, and it stays in the audit log.
        </p>
      )}
      <div
        data-testid="approval-actions"
        className="fixed inset-x-0 bottom-0 z-40 flex items-center gap-2 border-t border-slate-200 bg-white/95 p-3 backdrop-blur lg:static lg:mt-3 lg:border-0 lg:bg-transparent lg:p-0 lg:backdrop-blur-none dark:border-slate-800 dark:bg-slate-900/95 lg:dark:bg-transparent"
      >
        {waiting ? (
          <>
            <p role="status" className="flex-1 text-sm font-medium text-slate-800 dark:text-slate-100">
              {waiting === "approve" ? "Approving" : "Rejecting"} in {UNDO_MS / 1000} s…
            </p>
            <Button variant="secondary" onClick={undo}>
              Undo
            </Button>
          </>
        ) : (
          <>
            <Button variant="danger" className="flex-1" disabled={busy} onClick={() => answer("reject")}>
              Reject
            </Button>
            <Button variant="success" className="flex-1" disabled={busy} onClick={() => answer("approve")}>
              Approve
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
