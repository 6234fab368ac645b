"use client";

import { Button } from "@/components/button";
import { fieldClass } from "@/components/form-fields";

const ROLES = ["admin", "approver", "viewer"] as const;

/** Who to invite, with which role; no password (they choose it through the link). */
export function InviteForm({
  pending,
  onInvite,
}: {
  pending: boolean;
  onInvite: (input: { email: string; name: string; role: string }, reset: () => void) => void;
}) {
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
