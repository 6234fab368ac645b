"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useToast } from "@/components/toast";
import type { ApprovalDto } from "@/lib/approvals/approval-schemas";
import { formatMoney } from "@/lib/format/money";
import { respondToApprovalAction } from "./actions";

/**
 * Optimistic answers: the item is hidden while the server action runs (a poll landing in
 * between cannot bring it back); on refusal it reappears with an error toast.
 */
export function useRespond(sort: string) {
  const client = useQueryClient();
  const toast = useToast();
  const [answering, setAnswering] = useState<Set<string>>(new Set());

  const respond = useCallback(
    async (a: ApprovalDto, decision: "approve" | "reject", comment: string) => {
      setAnswering((s) => new Set(s).add(a.id));
      const amount = formatMoney(a.intent.amount, a.intent.currency);
      let result: Awaited<ReturnType<typeof respondToApprovalAction>>;
      try {
        result = await respondToApprovalAction(a.id, decision, comment);
      } catch {
        result = { ok: false, code: "unavailable", message: "The server could not be reached. Try again.", details: [] };
      }
      if (result.ok) {
        client.setQueryData<ApprovalDto[]>(["approvals", sort], (list) => list?.filter((x) => x.id !== a.id));
        const verb = decision === "approve" ? "Approved" : "Rejected";
        const more = result.data.status === "pending" ? " — a second approver must also approve" : "";
        toast({ tone: "success", title: `${verb} ${amount}`, message: `${a.intent.merchant ?? a.agent.name}${more}` });
      } else {
        const title = result.code === "approval_already_answered" ? "Someone else answered first" : "Your answer was not recorded";
        toast({ tone: "error", title, message: result.message });
      }
      setAnswering((s) => {
        const next = new Set(s);
        next.delete(a.id);
        return next;
      });
      void client.invalidateQueries({ queryKey: ["approvals"] });
    },
    [client, sort, toast],
  );
  return { answering, respond };
}
