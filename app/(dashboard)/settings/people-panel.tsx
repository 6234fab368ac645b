"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Time } from "@/components/org-time";
import { useToast } from "@/components/toast";
import type { UserRow } from "@/lib/users/list-users";
import type { PendingInvitation } from "@/lib/users/pending-invitations";
import { fieldClass } from "@/components/form-fields";
import { changeRoleAction, deactivateUserAction, inviteUserAction, resetPasswordAction } from "./actions";
import { InviteForm } from "./invite-form";
import { LinkNotice, type IssuedLink } from "./link-notice";
import { PendingInvitations } from "./pending-invitations";

const ROLES = ["admin", "approver", "viewer"] as const;
type Pending = { kind: "role"; user: UserRow; role: string } | { kind: "reset"; user: UserRow } | { kind: "deactivate"; user: UserRow };

/**
 * The people of the organisation: invite with a role, change a role, reset a password,
 * deactivate. Invitations and resets are single-use links (the admin never sees a password);
 * a role change, a reset and a deactivation are confirmed in a dialog first.
 */
export function PeoplePanel({ users, invitations, me }: { users: UserRow[]; invitations: PendingInvitation[]; me: string }) {
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();

  const act = <T,>(run: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>, done: (data: T) => void) =>
    start(async () => {
      const res = await run();
      setConfirming(null);
      if (res.ok) done(res.data);
      else toast({ tone: "error", title: "Not changed", message: res.message });
      router.refresh();
    });

  const confirm = () => {
    if (!confirming) return;
    const { user } = confirming;
    if (confirming.kind === "role") {
      const role = confirming.role;
      act(
        () => changeRoleAction(user.id, role),
        (r) => toast({ tone: "success", title: `${user.email} is now ${r}` }),
      );
    } else if (confirming.kind === "reset") {
      act(
        () => resetPasswordAction(user.id),
        (d) => setIssued({ ...d, why: "reset" }),
      );
    } else {
      act(
        () => deactivateUserAction(user.id),
        () => toast({ tone: "success", title: `${user.email} deactivated` }),
      );
    }
  };

  return (
    <Card aria-labelledby="people-h">
      <CardHeader
        id="people-h"
        title="People"
        description="Invite someone with a role: they get a single-use link and choose their own password. Nobody else ever sees it."
      />
      <InviteForm
        pending={pending}
        onInvite={(input, reset) =>
          act(
            () => inviteUserAction(input),
            (d) => {
              reset();
              setIssued({ ...d, why: "invite" });
            },
          )
        }
      />
      {issued && <LinkNotice link={issued} onDone={() => setIssued(null)} />}
      <ul aria-label="People" className="divide-y divide-slate-100 dark:divide-slate-800">
        {users.map((u) => {
          const self = u.id === me;
          const off = u.deactivatedAt !== null;
          return (
            <li key={u.id} data-testid="person" data-email={u.email} className="flex flex-col gap-3 px-5 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="text-sm font-medium text-slate-900 dark:text-white">
                  {u.name} {self && <span className="text-xs font-normal text-slate-500 dark:text-slate-400">(you)</span>}
                </p>
                <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                  {u.email} · since <Time at={u.createdAt} dateOnly />
                </p>
                {off && (
                  <Badge tone="red" className="mt-1">
                    Deactivated
                  </Badge>
                )}
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <label className="sr-only" htmlFor={`role-${u.id}`}>
                  Role of {u.email}
                </label>
                <select
                  id={`role-${u.id}`}
                  value={confirming?.kind === "role" && confirming.user.id === u.id ? confirming.role : u.role}
                  disabled={pending || self || off}
                  onChange={(e) => setConfirming({ kind: "role", user: u, role: e.target.value })}
                  className={`${fieldClass} h-8 w-32`}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
                <Button size="sm" variant="secondary" disabled={pending || off} onClick={() => setConfirming({ kind: "reset", user: u })}>
                  Reset password
                </Button>
                {!self && !off && (
                  <Button size="sm" variant="danger" disabled={pending} onClick={() => setConfirming({ kind: "deactivate", user: u })}>
                    Deactivate
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <PendingInvitations invitations={invitations} />
      <ConfirmDialog
        open={confirming !== null}
        busy={pending}
        tone={confirming?.kind === "reset" ? "primary" : "danger"}
        title={
          confirming?.kind === "role"
            ? `Make ${confirming.user.email} ${confirming.role}?`
            : confirming?.kind === "reset"
              ? `Reset the password of ${confirming.user.email}?`
              : `Deactivate ${confirming?.user.email ?? ""}?`
        }
        confirmLabel={confirming?.kind === "role" ? "Change role" : confirming?.kind === "reset" ? "Issue reset link" : "Deactivate"}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      >
        {confirming?.kind === "role" && <p>Their open sessions end at once; what they may do changes with their next sign-in.</p>}
        {confirming?.kind === "reset" && (
          <p>
            They get a single-use link (24 hours) to choose a new password; their current one works until they do. For 24 hours after, they cannot be the second
            approver of anything you approved.
          </p>
        )}
        {confirming?.kind === "deactivate" && (
          <p>They can no longer sign in, their open sessions end, their API keys stop working and they get no more notifications.</p>
        )}
      </ConfirmDialog>
    </Card>
  );
}
