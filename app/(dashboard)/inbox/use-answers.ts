"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useDismissToast, useShowToast } from "@/components/toast";
import type { InboxItem } from "@/lib/approvals/inbox-items";
import { formatMoney } from "@/lib/format/money";
import { UNDO_MS } from "@/components/undo-window";
import { respondToApprovalAction } from "@/app/(dashboard)/_actions/approval-actions";

type Answer = { item: InboxItem; decision: "approve" | "reject"; comment: string };
type Batch = { id: number; answers: Answer[]; timer: ReturnType<typeof setTimeout>; toastId: number };

const verb = (d: "approve" | "reject", done: boolean) => (d === "approve" ? (done ? "Approved" : "Approving") : done ? "Rejected" : "Rejecting");
const amountOf = (a: InboxItem) => formatMoney(a.intent.amount, a.intent.currency);

/**
 * Answers with an Undo window: an answer is held in the browser for UNDO_MS (its card hidden)
 * and only then sent, one approval at a time, each checked and audited by the server. Undo
 * inside the window sends nothing. Leaving the inbox sends what is held at once.
 */
export function useAnswers(onSent: () => void) {
  const toast = useShowToast();
  const dismiss = useDismissToast();
  const [held, setHeld] = useState<Set<string>>(new Set());
  const batches = useRef(new Map<number, Batch>());
  const lastBatch = useRef<number | null>(null);

  const release = useCallback(
    (ids: string[]) =>
      setHeld((s) => {
        const next = new Set(s);
        for (const id of ids) next.delete(id);
        return next;
      }),
    [],
  );

  const onSentRef = useRef(onSent);
  useEffect(() => {
    onSentRef.current = onSent;
  }, [onSent]);

  const send = useCallback(
    async (id: number) => {
      const batch = batches.current.get(id);
      if (!batch) return; // undone or already sent
      batches.current.delete(id);
      clearTimeout(batch.timer);
      dismiss(batch.toastId);
      const failed: string[] = [];
      let ok = 0;
      for (const a of batch.answers) {
        let res: Awaited<ReturnType<typeof respondToApprovalAction>>;
        try {
          res = await respondToApprovalAction(a.item.id, a.decision, a.comment);
        } catch {
          res = { ok: false, code: "internal_error", message: "The server could not be reached. Try again.", details: [] };
        }
        if (res.ok) {
          ok++;
          if (batch.answers.length === 1) {
            const more = res.data.status === "pending" ? " — a second approver must also approve" : "";
            toast({
              tone: "success",
              title: `${verb(a.decision, true)} ${amountOf(a.item)}`,
              message: `${a.item.intent.merchant ?? a.item.agent.name}${more}`,
            });
          }
        } else {
          failed.push(a.item.id);
          toast({
            tone: "error",
            title: res.code === "approval_already_answered" ? "Someone else answered first" : "Your answer was not recorded",
            message: `${a.item.intent.merchant ?? a.item.agent.name}: ${res.message}`,
          });
        }
      }
      if (batch.answers.length > 1 && ok > 0) toast({ tone: "success", title: `${verb(batch.answers[0].decision, true)} ${ok} of ${batch.answers.length}` });
      release(batch.answers.map((a) => a.item.id));
      onSentRef.current();
    },
    [dismiss, release, toast],
  );
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  }, [send]);

  const undo = useCallback(
    (id: number) => {
      const batch = batches.current.get(id);
      if (!batch) return;
      batches.current.delete(id);
      clearTimeout(batch.timer);
      dismiss(batch.toastId);
      release(batch.answers.map((a) => a.item.id));
      toast({ tone: "info", title: "Undone", message: "Nothing was sent." });
    },
    [dismiss, release, toast],
  );

  const answer = useCallback(
    (answers: Answer[]) => {
      if (answers.length === 0) return;
      setHeld((s) => new Set([...s, ...answers.map((a) => a.item.id)]));
      const id = Date.now() + Math.random();
      const first = answers[0];
      const title = answers.length === 1 ? `${verb(first.decision, false)} ${amountOf(first.item)}` : `${verb(first.decision, false)} ${answers.length} items`;
      const toastId = toast({
        tone: "info",
        title,
        message: `Sending in ${UNDO_MS / 1000} seconds. Press z to undo.`,
        durationMs: UNDO_MS,
        action: { label: "Undo", onClick: () => undo(id) },
      });
      const batch: Batch = { id, answers, toastId, timer: setTimeout(() => sendRef.current(id), UNDO_MS) };
      batches.current.set(id, batch);
      lastBatch.current = id;
    },
    [toast, undo],
  );

  const undoLast = useCallback(() => {
    if (lastBatch.current !== null) undo(lastBatch.current);
  }, [undo]);

  // Navigating away inside the window sends what is held; closing the tab asks first.
  useEffect(() => {
    const all = batches.current;
    const warn = (e: BeforeUnloadEvent) => {
      if (all.size > 0) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      for (const id of [...all.keys()]) void sendRef.current(id);
    };
  }, []);

  return { held, answer, undoLast };
}
