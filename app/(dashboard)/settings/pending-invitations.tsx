"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Time } from "@/components/org-time";
import { useToast } from "@/components/toast";
import type { PendingInvitation } from "@/lib/users/pending-invitations";
import { revokeInvitationAction } from "./actions";

/**
 * Invitations whose link is still live: an invited person is not a member until they choose a
 * password, so this is where an admin sees who could still join, and takes a link back.
 */
export function PendingInvitations({ invitations }: { invitations: PendingInvitation[] }) {
  const [revoking, setRevoking] = useState<PendingInvitation | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  if (invitations.length === 0) return null;

  const revoke = () => {
    if (!revoking) return;
    const { id, email } = revoking;
    start(async () => {
      const res = await revokeInvitationAction(id);
      setRevoking(null);
      if (res.ok) toast({ tone: "success", title: `Invitation for ${email} withdrawn` });
      else toast({ tone: "error", title: "Not changed", message: res.message });
      router.refresh();
    });
  };

  return (
    <section aria-labelledby="invitations-h" className="border-t border-slate-100 dark:border-slate-800">
      <h3 id="invitations-h" className="px-5 pt-3 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        Waiting for them to choose a password ({invitations.length})
      </h3>
      <ul aria-label="Pending invitations" className="divide-y divide-slate-100 dark:divide-slate-800">
        {invitations.map((inv) => (
          <li
            key={inv.id}
            data-testid="invitation"
            data-email={inv.email}
            className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="truncate text-sm font-medium text-slate-900 dark:text-white">
                {inv.name ?? inv.email} {inv.role && <Badge>{inv.role}</Badge>}
              </p>
              <p className="text-xs break-words text-slate-600 dark:text-slate-400">
                {inv.name && <>{inv.email} · </>}invited <Time at={inv.createdAt} /> by {inv.invitedBy ?? "the operator (CLI)"} · link works until{" "}
                <Time at={inv.expiresAt} />
              </p>
            </div>
            <Button size="sm" variant="secondary" disabled={pending} onClick={() => setRevoking(inv)}>
              Withdraw
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        busy={pending}
        title={`Withdraw the invitation for ${revoking?.email ?? ""}?`}
        confirmLabel="Withdraw invitation"
        onConfirm={revoke}
        onCancel={() => setRevoking(null)}
      >
        <p>The link they were given stops working at once. You can invite them again later.</p>
      </ConfirmDialog>
    </section>
  );
}
