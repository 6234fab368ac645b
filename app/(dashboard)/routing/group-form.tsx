"use client";

import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FieldError, fieldIssue } from "@/components/field-error";
import { fieldClass as field, fieldLabelClass as label } from "@/components/form-fields";
import { useToast } from "@/components/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { ApproverGroupDto } from "@/lib/approver-groups/approver-group-schemas";
import { parseMajorAmount, toMajorDecimal } from "@/lib/format/money";
import { createApproverGroupAction, previewApproverGroupAction, updateApproverGroupAction } from "./actions";
import { GroupPreview, type Preview } from "./group-preview";

type Refusal = Extract<ActionResult<unknown>, { ok: false }>;

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

/**
 * Creates a group, or edits one (`group`). Errors show next to their field in plain words; a
 * group without members or with fewer members than its quorum is refused by the server.
 * "Preview" lists the waiting and recent approvals it would catch before anything is saved.
 */
export function GroupForm({
  people,
  agents,
  groups,
  currency,
  group,
}: {
  people: Person[];
  agents: Named[];
  groups: Named[];
  currency: string;
  group?: ApproverGroupDto;
}) {
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pending, start] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const toast = useToast();
  const title = group ? `Edit ${group.name}` : "New approver group";
  const issue = (...f: string[]) => fieldIssue(refusal, ...f);
  const local = (message: string): Refusal => ({ ok: false, code: "validation_error", message, details: [{ field: "min_amount", issue: message }] });
  const amountText = (v: number | null) => (v === null || !group?.currency ? "" : toMajorDecimal(v, group.currency));
  if (!open)
    return (
      <Button size="sm" variant={group ? "ghost" : "primary"} aria-label={group ? `Edit group ${group.name}` : undefined} onClick={() => setOpen(true)}>
        {group ? "Edit" : "New approver group"}
      </Button>
    );
  const runPreview = () => {
    const { body, error } = toBody(new FormData(form.current!), currency);
    if (!body) return setRefusal(local(error ?? "Check the amounts"));
    const { agent_ids, merchant_categories, currency: c, min_amount, max_amount } = body;
    start(async () => {
      const res = await previewApproverGroupAction({ agent_ids, merchant_categories, currency: c, min_amount, max_amount } as Parameters<
        typeof previewApproverGroupAction
      >[0]);
      if (!res.ok) return setRefusal(res);
      setRefusal(null);
      setPreview(res.data);
    });
  };
  return (
    <form
      ref={form}
      aria-label={title}
      className="grid gap-3 sm:col-span-2 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const { body, error: formError } = toBody(new FormData(e.currentTarget), currency);
        if (!body) return setRefusal(local(formError ?? "Check the form"));
        start(async () => {
          // The form builds the API body; the action parses it with the API schema.
          const res = group
            ? await updateApproverGroupAction(group.id, body as Parameters<typeof updateApproverGroupAction>[1])
            : await createApproverGroupAction(body as Parameters<typeof createApproverGroupAction>[0]);
          if (!res.ok) return setRefusal(res);
          setRefusal(null);
          setOpen(false);
          toast(
            group
              ? { tone: "success", title: "Group saved", message: `${res.data}: new approvals follow the new settings` }
              : { tone: "success", title: "Group created", message: `New approvals matching it go to ${res.data}` },
          );
        });
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900 sm:col-span-2 dark:text-white">{title}</h3>
      <div>
        <label className={label} htmlFor="grp-name">
          Name
        </label>
        <input id="grp-name" name="name" required maxLength={100} placeholder="Cloud spend" defaultValue={group?.name} className={field} />
        <FieldError id="grp-name-error" message={issue("name")} />
      </div>
      <div>
        <label className={label} htmlFor="grp-categories">
          Merchant categories (comma-separated, empty = any)
        </label>
        <input id="grp-categories" name="categories" placeholder="cloud, saas" defaultValue={group?.merchant_categories.join(", ")} className={field} />
      </div>
      <fieldset className="sm:col-span-2">
        <legend className={label}>Members</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {people.map((p) => (
            <label key={p.id} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="members" value={p.id} defaultChecked={group?.members.some((m) => m.id === p.id)} /> {p.name || p.email}{" "}
              <span className="text-xs text-slate-500">({p.role})</span>
            </label>
          ))}
        </div>
        <FieldError id="grp-members-error" message={issue("members")} />
      </fieldset>
      {agents.length > 0 && (
        <fieldset className="sm:col-span-2">
          <legend className={label}>Only these agents (none ticked = any agent)</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {agents.map((a) => (
              <label key={a.id} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" name="agents" value={a.id} defaultChecked={group?.agent_ids.includes(a.id)} /> {a.name}
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
          <input id="grp-currency" name="currency" maxLength={3} placeholder={currency} defaultValue={group?.currency ?? ""} className={field} />
          <FieldError id="grp-currency-error" message={issue("currency")} />
        </div>
        <div>
          <label className={label} htmlFor="grp-min">
            From amount
          </label>
          <input id="grp-min" name="min" inputMode="decimal" placeholder="0" defaultValue={amountText(group?.min_amount ?? null)} className={field} />
          <FieldError id="grp-min-error" message={issue("min_amount")} />
        </div>
        <div>
          <label className={label} htmlFor="grp-max">
            Up to amount
          </label>
          <input id="grp-max" name="max" inputMode="decimal" placeholder="no limit" defaultValue={amountText(group?.max_amount ?? null)} className={field} />
          <FieldError id="grp-max-error" message={issue("max_amount")} />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label className={label} htmlFor="grp-quorum">
            Approvers needed
          </label>
          <input id="grp-quorum" name="quorum" type="number" min={1} max={10} defaultValue={group?.quorum ?? 1} className={field} />
          <FieldError id="grp-quorum-error" message={issue("quorum")} />
        </div>
        <div>
          <label className={label} htmlFor="grp-priority">
            Priority (lower first)
          </label>
          <input id="grp-priority" name="priority" type="number" min={0} max={10000} defaultValue={group?.priority ?? 100} className={field} />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label className={label} htmlFor="grp-escalate-after">
            Escalate after (minutes)
          </label>
          <input
            id="grp-escalate-after"
            name="escalate_after"
            type="number"
            min={1}
            placeholder="never"
            defaultValue={group?.escalate_after_minutes ?? ""}
            className={field}
          />
          <FieldError id="grp-escalate-error" message={issue("escalate_after_minutes", "escalate_to_group_id")} />
        </div>
        <div>
          <label className={label} htmlFor="grp-escalate-to">
            Escalate to
          </label>
          <select id="grp-escalate-to" name="escalate_to" className={field} defaultValue={group?.escalate_to_group_id ?? ""}>
            <option value="">Every admin</option>
            {groups
              .filter((g) => g.id !== group?.id)
              .map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
          </select>
        </div>
      </div>
      {refusal && refusal.details.length === 0 && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-2 dark:text-rose-400">
          {refusal.message}
        </p>
      )}
      {preview && <GroupPreview preview={preview} />}
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button size="sm" type="submit" disabled={pending}>
          {pending ? "Saving…" : group ? "Save group" : "Create group"}
        </Button>
        <Button size="sm" variant="secondary" onClick={runPreview} disabled={pending}>
          Preview what it catches
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setOpen(false);
            setRefusal(null);
            setPreview(null);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
