"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { Time } from "@/components/org-time";
import { useToast } from "@/components/toast";
import type { UserRow } from "@/lib/users/list-users";
import { fieldClass } from "@/components/form-fields";
import { changeRoleAction, deactivateUserAction, inviteUserAction, resetPasswordAction } from "./actions";

const ROLES = ["admin", "approver", "viewer"] as const;

/** The people of the organisation: invite with a role, change a role, deactivate, reset a password. */
export function PeoplePanel({ users, me }: { users: UserRow[]; me: string }) {
  const [secret, setSecret] = useState<{ email: string; password: string; why: string } | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();

  const act = <T,>(run: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>, done: (data: T) => void) =>
    start(async () => {
      const res = await run();
      if (res.ok) done(res.data);
      else toast({ tone: "error", title: "Not changed", message: res.message });
      router.refresh();
    });

  return (
    <Card aria-labelledby="people-h">
      <CardHeader id="people-h" title="People" description="A new person gets a temporary password, shown here once; hand it over and they sign in with it." />
      <InviteForm
        pending={pending}
        onInvite={(input, reset) =>
          act(
            () => inviteUserAction(input),
            (d) => {
              reset();
              setSecret({ ...d, why: "Invited" });
            },
          )
        }
      />
      {secret && (
        <div role="status" className="border-b border-emerald-200 bg-emerald-50 px-5 py-4 text-sm dark:border-emerald-900 dark:bg-emerald-950/40">
          <p className="font-medium text-emerald-900 dark:text-emerald-200">
            {secret.why} {secret.email}. Temporary password (shown once):
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code
              data-testid="temporary-password"
              className="rounded-md bg-white px-2.5 py-1.5 font-mono text-slate-900 ring-1 ring-emerald-200 dark:bg-slate-950 dark:text-slate-100 dark:ring-emerald-900"
            >
              {secret.password}
            </code>
            <Button size="sm" variant="ghost" onClick={() => setSecret(null)}>
              Done
            </Button>
          </div>
        </div>
      )}
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
                  defaultValue={u.role}
                  disabled={pending || self || off}
                  onChange={(e) =>
                    act(
                      () => changeRoleAction(u.id, e.target.value),
                      (role) => toast({ tone: "success", title: `${u.email} is now ${role}` }),
                    )
                  }
                  className={`${fieldClass} h-8 w-32`}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={pending || off}
                  onClick={() =>
                    act(
                      () => resetPasswordAction(u.id),
                      (d) => setSecret({ ...d, why: "New password for" }),
                    )
                  }
                >
                  Reset password
                </Button>
                {!self && !off && (
                  <Button
                    size="sm"
                    variant="danger"
                    disabled={pending}
                    onClick={() =>
                      act(
                        () => deactivateUserAction(u.id),
                        () => toast({ tone: "success", title: `${u.email} deactivated` }),
                      )
                    }
                  >
                    Deactivate
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function InviteForm({ pending, onInvite }: { pending: boolean; onInvite: (input: { email: string; name: string; role: string }, reset: () => void) => void }) {
  return (
    <form
      aria-label="Invite a person"
      className="grid gap-3 border-b border-slate-200 px-5 py-4 sm:grid-cols-4 sm:items-end dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        onInvite({ email: String(f.get("email") ?? ""), name: String(f.get("name") ?? ""), role: String(f.get("role") ?? "approver") }, () => form.reset());
      }}
    >
      <div>
        <label htmlFor="invite-email" className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-300">
          Email
        </label>
        <input id="invite-email" name="email" type="email" required className={fieldClass} />
      </div>
      <div>
        <label htmlFor="invite-name" className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-300">
          Name
        </label>
        <input id="invite-name" name="name" className={fieldClass} />
      </div>
      <div>
        <label htmlFor="invite-role" className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-300">
          Role
        </label>
        <select id="invite-role" name="role" defaultValue="approver" className={fieldClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={pending}>
        Invite
      </Button>
    </form>
  );
}
