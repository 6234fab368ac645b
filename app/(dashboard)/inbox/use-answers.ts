"use client";

import { useMutation, useMutationState, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo } from "react";
import { useStepUp } from "@/components/step-up";
import { useDismissToast, useShowToast } from "@/components/toast";
import type { InboxItem } from "@/lib/approvals/inbox-items";
import { formatMoney } from "@/lib/format/money";
import { UNDO_MS, Undone, UndoWindow } from "@/components/undo-window";
import { respondToApprovalAction } from "@/app/(dashboard)/_actions/approval-actions";

type Answer = { item: InboxItem; decision: "approve" | "reject"; comment: string };
/** A mutation's variables: the answers given together, and the window they wait out. */
type Batch = { answers: Answer[]; undoWindow: UndoWindow };
type Sent = { answer: Answer; res: Awaited<ReturnType<typeof respondToApprovalAction>> };

/** Every inbox answer is a mutation under this key; the pending ones are the cards to hide. */
const ANSWER_KEY = ["inbox-answer"];

const verb = (d: "approve" | "reject", done: boolean) => (d === "approve" ? (done ? "Approved" : "Approving") : done ? "Rejected" : "Rejecting");
const amountOf = (a: InboxItem) => formatMoney(a.intent.amount, a.intent.currency);

/** Sends one answer; a large approval that wants a fresh second factor asks for it (stepUp) and is sent again. */
async function respond(a: Answer, stepUp: (why: string) => Promise<boolean>): Promise<Sent["res"]> {
  try {
    const res = await respondToApprovalAction(a.item.id, a.decision, a.comment);
    if (!res.ok && res.code === "step_up_required" && (await stepUp(res.message))) return await respondToApprovalAction(a.item.id, a.decision, a.comment);
    return res;
  } catch {
    return { ok: false, code: "internal_error", message: "The server could not be reached. Try again.", details: [] };
  }
}

const answerMutations = (client: QueryClient, status?: "pending") =>
  client
    .getMutationCache()
    .findAll({ mutationKey: ANSWER_KEY, status })
    .sort((a, b) => a.mutationId - b.mutationId);
const windowOf = (m: { state: { variables: unknown } }) => (m.state.variables as Batch).undoWindow;

/**
 * Answers with an Undo window, as react-query mutations: each answer (or ticked set) is one
 * mutation that waits out its UndoWindow and then sends, one approval at a time, each checked
 * and audited by the server. While a mutation is pending its cards are hidden (read from the
 * pending mutations' variables, so a poll landing meanwhile cannot bring them back); it stays
 * pending until the list has been refetched without them. Undo rejects the wait: nothing is
 * sent and the cards come back. Leaving the inbox sends what is held at once.
 */
export function useAnswers() {
  const client = useQueryClient();
  const toast = useShowToast();
  const dismiss = useDismissToast();
  const stepUp = useStepUp();

  const { mutate } = useMutation({
    mutationKey: ANSWER_KEY,
    // Sent even when the browser thinks it is offline: the failure shows as a toast, not a silent wait.
    networkMode: "always",
    mutationFn: async ({ answers, undoWindow }: Batch): Promise<Sent[]> => {
      await undoWindow.closed;
      const sent: Sent[] = [];
      for (const answer of answers) sent.push({ answer, res: await respond(answer, stepUp) });
      return sent;
    },
    onSuccess: (sent) => {
      let ok = 0;
      for (const { answer: a, res } of sent) {
        if (res.ok) {
          ok++;
          if (sent.length > 1) continue;
          const more = res.data.status === "pending" ? " — a second approver must also approve" : "";
          toast({ tone: "success", title: `${verb(a.decision, true)} ${amountOf(a.item)}`, message: `${a.item.intent.merchant ?? a.item.agent.name}${more}` });
        } else {
          toast({
            tone: "error",
            title: res.code === "approval_already_answered" ? "Someone else answered first" : "Your answer was not recorded",
            message: `${a.item.intent.merchant ?? a.item.agent.name}: ${res.message}`,
          });
        }
      }
      if (sent.length > 1 && ok > 0) toast({ tone: "success", title: `${verb(sent[0].answer.decision, true)} ${ok} of ${sent.length}` });
    },
    onError: (err) => {
      if (err instanceof Undone) toast({ tone: "info", title: "Undone", message: "Nothing was sent." });
      else toast({ tone: "error", title: "Your answer was not recorded", message: err.message });
    },
    // Returning the refetch keeps the mutation pending (its cards hidden) until the list no
    // longer holds them, so an answered card does not flash back in between.
    onSettled: (_sent, err) => (err instanceof Undone ? undefined : client.invalidateQueries({ queryKey: ["inbox"] })),
  });

  const pending = useMutationState({
    filters: { mutationKey: ANSWER_KEY, status: "pending" },
    select: (m) => m.state.variables as Batch,
  });
  const held = useMemo(() => new Set(pending.flatMap((b) => b.answers.map((a) => a.item.id))), [pending]);

  const answer = useCallback(
    (answers: Answer[]) => {
      if (answers.length === 0) return;
      const undoWindow = new UndoWindow(UNDO_MS);
      const first = answers[0];
      const title = answers.length === 1 ? `${verb(first.decision, false)} ${amountOf(first.item)}` : `${verb(first.decision, false)} ${answers.length} items`;
      const toastId = toast({
        tone: "info",
        title,
        message: `Sending in ${UNDO_MS / 1000} seconds. Press z to undo.`,
        durationMs: UNDO_MS,
        action: { label: "Undo", onClick: () => undoWindow.undo() },
      });
      undoWindow.closed.then(
        () => dismiss(toastId),
        () => dismiss(toastId),
      );
      mutate({ answers, undoWindow });
    },
    [dismiss, mutate, toast],
  );

  // z takes back the latest answer only, and only while its window is open.
  const undoLast = useCallback(() => {
    const last = answerMutations(client).at(-1);
    if (last) windowOf(last).undo();
  }, [client]);

  // Navigating away inside the window sends what is held; closing the tab asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (answerMutations(client, "pending").some((m) => windowOf(m).phase === "open")) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      for (const m of answerMutations(client, "pending")) windowOf(m).sendNow();
    };
  }, [client]);

  return { held, answer, undoLast };
}
