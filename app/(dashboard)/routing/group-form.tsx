"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { fieldClass as field, fieldLabelClass as label } from "@/components/form-fields";
import { useToast } from "@/components/toast";
import { parseMajorAmount } from "@/lib/format/money";
import { createApproverGroupAction } from "./actions";

type Person = { id: string; email: string; name: string; role: string };
type Named = { id: string; name: string };

/**
 * The API body from the form; amounts are typed in major units and sent in minor units. With
 * amounts but no currency typed, they are in the organisation's currency.
 */
function toBody(f: FormData, orgCurrency: string): { body?: Record<string, unknown>; error?: string } {
  const text = (k: string) => String(f.get(k) ?? "").trim();
  const currency = text("currency").toUpperCase();
  const amount = (k: string) => {
    if (!text(k)) return null;
    const minor = parseMajorAmount(text(k), currency || orgCurrency);
    return minor === null ? undefined : minor;
  };
  const min = amount("min"),
    max = amount("max");
  if (min === undefined || max === undefined) return { error: "Amounts must be numbers like 50,000 or 1250.50" };
  const whole = (k: string) => (text(k) ? Number(text(k)) : null);
  return {
    body: {
      name: text("name"),
      members: f.getAll("members").map(String),
      agent_ids: f.getAll("agents").map(String),
      merchant_categories: text("categories")
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
      currency: currency || (min !== null || max !== null ? orgCurrency : null),
      min_amount: min,
      max_amount: max,
      quorum: whole("quorum") ?? 1,
      priority: whole("priority") ?? 100,
      escalate_after_minutes: whole("escalate_after"),
      escalate_to_group_id: text("escalate_to") || null,
    },
  };
}

export function GroupForm({ people, agents, groups, currency }: { people: Person[]; agents: Named[]; groups: Named[]; currency: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  if (!open)
    return (
      <Button size="sm" onClick={() => setOpen(true)}>
        New approver group
      </Button>
    );
  return (
    <form
      aria-label="New approver group"
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const { body, error: formError } = toBody(new FormData(e.currentTarget), currency);
        if (!body) return setError(formError ?? "Check the form");
        start(async () => {
          // The form builds the API body; the action parses it with the API schema.
          const res = await createApproverGroupAction(body as Parameters<typeof createApproverGroupAction>[0]);
          if (!res.ok) return setError(res.details.length ? `${res.message} (${res.details.map((d) => `${d.field}: ${d.issue}`).join("; ")})` : res.message);
          setError(null);
          setOpen(false);
          toast({ tone: "success", title: "Group created", message: `New approvals matching it go to ${res.data}` });
        });
      }}
    >
      <div>
        <label className={label} htmlFor="grp-name">
          Name
        </label>
        <input id="grp-name" name="name" required maxLength={100} placeholder="Cloud spend" className={field} />
      </div>
      <div>
        <label className={label} htmlFor="grp-categories">
          Merchant categories (comma-separated, empty = any)
        </label>
        <input id="grp-categories" name="categories" placeholder="cloud, saas" className={field} />
      </div>
      <fieldset className="sm:col-span-2">
        <legend className={label}>Members</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {people.map((p) => (
            <label key={p.id} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="members" value={p.id} /> {p.name || p.email} <span className="text-xs text-slate-500">({p.role})</span>
            </label>
          ))}
        </div>
      </fieldset>
      {agents.length > 0 && (
        <fieldset className="sm:col-span-2">
          <legend className={label}>Only these agents (none ticked = any agent)</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {agents.map((a) => (
              <label key={a.id} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" name="agents" value={a.id} /> {a.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="grid grid-cols-3 gap-2 sm:col-span-2">
        <div>
          <label className={label} htmlFor="grp-currency">
            Currency
          </label>
          <input id="grp-currency" name="currency" maxLength={3} placeholder={currency} className={field} />
        </div>
        <div>
          <label className={label} htmlFor="grp-min">
            From amount
          </label>
          <input id="grp-min" name="min" inputMode="decimal" placeholder="0" className={field} />
        </div>
        <div>
          <label className={label} htmlFor="grp-max">
            Up to amount
          </label>
          <input id="grp-max" name="max" inputMode="decimal" placeholder="no limit" className={field} />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label className={label} htmlFor="grp-quorum">
            Approvers needed
          </label>
          <input id="grp-quorum" name="quorum" type="number" min={1} max={10} defaultValue={1} className={field} />
        </div>
        <div>
          <label className={label} htmlFor="grp-priority">
            Priority (lower first)
          </label>
          <input id="grp-priority" name="priority" type="number" min={0} max={10000} defaultValue={100} className={field} />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label className={label} htmlFor="grp-escalate-after">
            Escalate after (minutes)
          </label>
          <input id="grp-escalate-after" name="escalate_after" type="number" min={1} placeholder="never" className={field} />
        </div>
        <div>
          <label className={label} htmlFor="grp-escalate-to">
            Escalate to
          </label>
          <select id="grp-escalate-to" name="escalate_to" className={field} defaultValue="">
            <option value="">Every admin</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p role="alert" className="text-sm text-rose-600 sm:col-span-2 dark:text-rose-400">
          {error}
        </p>
      )}
      <div className="flex gap-2 sm:col-span-2">
        <Button size="sm" type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create group"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
