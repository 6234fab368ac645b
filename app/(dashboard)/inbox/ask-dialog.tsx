"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useToast } from "@/components/toast";
import type { InboxItem } from "@/lib/approvals/inbox-items";
import { askForInformationAction } from "@/app/(dashboard)/_actions/approval-actions";

/** "Ask for more information": a question to the agent's owner; the approval stays open for an answer later. */
export function AskDialog({ item, onDone }: { item: InboxItem | null; onDone: () => void }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  return (
    <ConfirmDialog
      open={item !== null}
      title="Ask for more information"
      confirmLabel="Send question"
      tone="primary"
      busy={busy}
      reason={{ label: "Your question", mode: "required", placeholder: "e.g. Which project is this for?" }}
      onCancel={onDone}
      onConfirm={async (question) => {
        if (!item) return;
        setBusy(true);
        const res = await askForInformationAction(item.id, question);
        setBusy(false);
        if (!res.ok) return toast({ tone: "error", title: "Question not sent", message: res.message });
        toast({
          tone: "success",
          title: res.data.notified ? `Asked ${res.data.notified}` : "Question recorded",
          message: res.data.notified
            ? "The approval stays open until someone answers it."
            : `No person of your organisation is named "${res.data.owner ?? "(no owner)"}": the question is on the intent's timeline.`,
        });
        onDone();
      }}
    >
      <p>
        The question goes to the owner of <strong>{item?.agent.name}</strong> ({item?.agent.owner || "no owner set"}) and onto the intent&rsquo;s timeline. The
        approval stays open: nothing is approved or rejected.
      </p>
    </ConfirmDialog>
  );
}
