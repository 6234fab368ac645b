"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import { respondToApprovalAction } from "@/app/(dashboard)/inbox/actions";

/** Approve / reject from the intent page, through the same server action as the inbox. */
export function ApprovalPanel({ approvalId }: { approvalId: string }) {
  const [comment, setComment] = useState("");
  const [pending, start] = useTransition();
  const router = useRouter();
  const toast = useToast();

  const answer = (decision: "approve" | "reject") =>
    start(async () => {
      const res = await respondToApprovalAction(approvalId, decision, comment);
      if (res.ok) toast({ tone: "success", title: decision === "approve" ? "Approved" : "Rejected", message: res.data.status === "pending" ? "A second approver must also approve." : undefined });
      else toast({ tone: "error", title: res.code === "approval_already_answered" ? "Someone else answered first" : "Your answer was not recorded", message: res.message });
      router.refresh();
    });

  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50/60 p-3 dark:border-amber-900 dark:bg-amber-950/30">
      <label htmlFor="approval-comment" className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200">
        Comment (optional)
      </label>
      <textarea
        id="approval-comment"
        rows={2}
        value={comment}
        maxLength={2000}
        onChange={(e) => setComment(e.target.value)}
        className="block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-950 dark:ring-slate-700"
      />
      <div className="mt-3 flex gap-2">
        <Button variant="danger" className="flex-1" disabled={pending} onClick={() => answer("reject")}>Reject</Button>
        <Button variant="success" className="flex-1" disabled={pending} onClick={() => answer("approve")}>Approve</Button>
      </div>
    </div>
  );
}
