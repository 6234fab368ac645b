"use client";

import { ConfirmDialog } from "@/components/confirm-dialog";
import { formatMoney } from "@/lib/format/money";
import type { InboxItem } from "@/lib/approvals/inbox-items";

/**
 * A rejection needs a reason: the agent's owner reads it, and it stays in the audit log. One
 * reason serves every ticked item of a bulk rejection.
 */
export function RejectDialog({ items, onReject, onCancel }: { items: InboxItem[]; onReject: (reason: string) => void; onCancel: () => void }) {
  const one = items.length === 1 ? items[0] : null;
  return (
    <ConfirmDialog
      open={items.length > 0}
      title={
        one
          ? `Reject ${formatMoney(one.intent.amount, one.intent.currency)} to ${one.intent.merchant ?? "an unknown merchant"}?`
          : `Reject ${items.length} approvals?`
      }
      confirmLabel={one ? "Reject" : `Reject ${items.length}`}
      reason={{ label: "Reason for the rejection", mode: "required", placeholder: "e.g. Not budgeted this quarter" }}
      onConfirm={onReject}
      onCancel={onCancel}
    >
      <p>The agent is told it was rejected and the held amount goes back to its wallet. You have 5 seconds to undo.</p>
    </ConfirmDialog>
  );
}
