"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { fieldClass, fieldLabelClass } from "@/components/form-fields";
import { useToast } from "@/components/toast";
import type { ErrorDetail } from "@/lib/errors/app-error";
import type { PolicyDocument } from "@/lib/policies/engine";
import { describePolicyChanges } from "@/lib/policies/describe-policy-changes";
import { NO_LIMIT, fromPolicyForm, toPolicyForm, type OverrideForm, type PolicyForm } from "@/lib/policies/policy-form";
import { proposePolicyAction } from "./actions";

type Agent = { id: string; name: string };
type Props = { initial: PolicyDocument; version: number; currency: string; agents: Agent[]; needsSecondAdmin: boolean };

/**
 * The policy as a form a controller can read: amounts in the organisation's currency, lists
 * one per line, agents by name. "Propose change" shows what changes in plain words and asks
 * why; with two or more admins the change then waits for a second one.
 */
export function PolicyFormEditor({ initial, version, currency, agents, needsSecondAdmin }: Props) {
  const start0 = useMemo(() => toPolicyForm(initial, currency), [initial, currency]);
  const [form, setForm] = useState<PolicyForm>(start0);
  const [errors, setErrors] = useState<ErrorDetail[]>([]);
  const [stale, setStale] = useState<string | null>(null);
  const [review, setReview] = useState<{ document: PolicyDocument; lines: string[] } | null>(null);
  const [adding, setAdding] = useState("");
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const names = useMemo(() => new Map(agents.map((a) => [a.id, a.name])), [agents]);

  const set = <K extends keyof PolicyForm>(k: K, v: PolicyForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const setOverride = (agentId: string, k: keyof Omit<OverrideForm, "agentId">, v: string) =>
    setForm((f) => ({ ...f, overrides: f.overrides.map((o) => (o.agentId === agentId ? { ...o, [k]: v } : o)) }));
  const issue = (field: string) => errors.find((e) => e.field === field)?.issue;

  const proposeClicked = () => {
    const { document, errors: found } = fromPolicyForm(form, initial, currency);
    setErrors(found);
    if (found.length) return;
    const lines = describePolicyChanges(initial, document, currency, names);
    if (!lines.length) return setErrors([{ field: "(form)", issue: "Nothing changed yet: edit a field first" }]);
    setReview({ document, lines });
  };

  const send = (reason: string) =>
    start(async () => {
      if (!review) return;
      const res = await proposePolicyAction(JSON.stringify(review.document), version, reason);
      setReview(null);
      if (!res.ok) {
        if (res.code === "conflict") return setStale(res.message);
        return setErrors(res.details.length ? res.details : [{ field: "(form)", issue: res.message }]);
      }
      if (res.data.status === "pending") toast({ tone: "success", title: "Change proposed", message: "It goes live when another admin approves it." });
      else toast({ tone: "success", title: `Policy saved as version ${res.data.version}`, message: "New intents are decided with it from now on." });
      router.refresh();
    });

  const money = (field: keyof PolicyForm & string, label: string, hint?: string) => (
    <Field id={`pf-${field}`} label={`${label} (${currency})`} hint={hint} error={issue(field)}>
      <input
        id={`pf-${field}`}
        inputMode="decimal"
        className={fieldClass}
        value={form[field] as string}
        onChange={(e) => set(field, e.target.value as never)}
        aria-invalid={!!issue(field)}
      />
    </Field>
  );
  const listBox = (field: "merchant_allowlist" | "merchant_blocklist" | "category_allowlist" | "category_blocklist", label: string, hint: string) => (
    <Field id={`pf-${field}`} label={label} hint={hint}>
      <textarea id={`pf-${field}`} rows={3} className={`${fieldClass} h-auto py-1.5`} value={form[field]} onChange={(e) => set(field, e.target.value)} />
    </Field>
  );
  const unused = agents.filter((a) => !form.overrides.some((o) => o.agentId === a.id));

  return (
    <div className="space-y-6">
      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">Amounts</legend>
        {money("auto_approve_limit", "Auto-approve up to")}
        {money("hard_limit", "Deny above")}
        {money("daily_budget", "Daily budget per agent", "Empty: no daily budget")}
        {money("monthly_budget", "Monthly budget per agent", "Empty: no monthly budget")}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">Approvals and pace</legend>
        {money("admin_threshold", "Only an admin may approve above", "Empty: any approver")}
        {money("dual_approval_threshold", "Two approvers needed above", "Empty: one is enough")}
        <Field id="pf-expiry_hours" label="An approval expires after (hours)" error={issue("expiry_hours")}>
          <input
            id="pf-expiry_hours"
            inputMode="numeric"
            className={fieldClass}
            value={form.expiry_hours}
            onChange={(e) => set("expiry_hours", e.target.value)}
          />
        </Field>
        <Field id="pf-max_intents_per_hour" label="Max intents per hour" hint="Empty: no limit" error={issue("max_intents_per_hour")}>
          <input
            id="pf-max_intents_per_hour"
            inputMode="numeric"
            className={fieldClass}
            value={form.max_intents_per_hour}
            onChange={(e) => set("max_intents_per_hour", e.target.value)}
          />
        </Field>
        <Field id="pf-min_confidence" label="Minimum confidence (%)" error={issue("min_confidence")}>
          <input
            id="pf-min_confidence"
            inputMode="decimal"
            className={fieldClass}
            value={form.min_confidence}
            onChange={(e) => set("min_confidence", e.target.value)}
          />
        </Field>
        <Field id="pf-low_confidence_action" label="Below minimum confidence">
          <select
            id="pf-low_confidence_action"
            className={fieldClass}
            value={form.low_confidence_action}
            onChange={(e) => set("low_confidence_action", e.target.value as PolicyForm["low_confidence_action"])}
          >
            <option value="require_approval">Ask a person</option>
            <option value="deny">Deny</option>
          </select>
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">Merchants and categories (one per line)</legend>
        {listBox("merchant_allowlist", "Allowed merchants", "Empty: any merchant")}
        {listBox("merchant_blocklist", "Blocked merchants", "Always denied")}
        {listBox("category_allowlist", "Allowed categories", "Empty: any category")}
        {listBox("category_blocklist", "Blocked categories", "Always denied")}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">Per-agent rules</legend>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Empty: the organisation&apos;s rule. Type “{NO_LIMIT}” for no budget or no hourly limit for that agent.
        </p>
        {form.overrides.map((o) => {
          const name = names.get(o.agentId) ?? o.agentId;
          return (
            <div key={o.agentId} role="group" aria-label={`Own rules of ${name}`} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
              <div className="mb-2 flex items-center justify-between">
                <span className="text-sm font-semibold text-slate-900 dark:text-white">{name}</span>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() =>
                    set(
                      "overrides",
                      form.overrides.filter((x) => x.agentId !== o.agentId),
                    )
                  }
                >
                  Remove {name}&apos;s own rules
                </Button>
              </div>
              <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
                {(
                  [
                    ["auto_approve_limit", `Auto-approve up to (${currency})`],
                    ["hard_limit", `Deny above (${currency})`],
                    ["daily_budget", `Daily budget (${currency})`],
                    ["monthly_budget", `Monthly budget (${currency})`],
                    ["max_intents_per_hour", "Max intents per hour"],
                  ] as const
                ).map(([k, label]) => {
                  const id = `pf-${o.agentId}-${k}`;
                  const err = issue(`agent_overrides.${o.agentId}.${k}`);
                  return (
                    <Field key={k} id={id} label={`${name}: ${label}`} error={err}>
                      <input
                        id={id}
                        className={fieldClass}
                        value={o[k]}
                        placeholder="organisation's"
                        onChange={(e) => setOverride(o.agentId, k, e.target.value)}
                      />
                    </Field>
                  );
                })}
              </div>
            </div>
          );
        })}
        {unused.length > 0 && (
          <div className="flex items-end gap-2">
            <Field id="pf-add-agent" label="Give an agent its own rules">
              <select id="pf-add-agent" className={fieldClass} value={adding} onChange={(e) => setAdding(e.target.value)}>
                <option value="">Choose an agent…</option>
                {unused.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </Field>
            <Button
              variant="secondary"
              disabled={!adding}
              onClick={() => {
                const blank = { auto_approve_limit: "", hard_limit: "", daily_budget: "", monthly_budget: "", max_intents_per_hour: "" };
                set("overrides", [...form.overrides, { agentId: adding, ...blank }]);
                setAdding("");
              }}
            >
              Add
            </Button>
          </div>
        )}
      </fieldset>
      {(errors.length > 0 || stale) && (
        <div id="policy-form-errors" role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm dark:border-rose-900 dark:bg-rose-950/50">
          {stale && <p className="font-medium text-rose-900 dark:text-rose-200">{stale}</p>}
          {stale && (
            <Button className="mt-2" size="sm" variant="secondary" onClick={() => router.refresh()}>
              Reload the current version (discards your edits)
            </Button>
          )}
          <ul className="space-y-1">
            {errors.map((e) => (
              <li key={`${e.field}-${e.issue}`} className="text-rose-800 dark:text-rose-300">
                {e.field === "(form)" ? e.issue : `${e.field}: ${e.issue}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap items-center justify-end gap-2">
        <span className="mr-auto text-xs text-slate-500 dark:text-slate-400">
          {needsSecondAdmin ? "A change goes live when a second admin approves it." : "You are the only admin: a change goes live at once."} Time windows, risk
          levels and automatic settlement are edited as JSON below.
        </span>
        <Button
          variant="ghost"
          disabled={pending}
          onClick={() => {
            setForm(start0);
            setErrors([]);
          }}
        >
          Discard changes
        </Button>
        <Button disabled={pending} onClick={proposeClicked}>
          Propose change
        </Button>
      </div>
      <ConfirmDialog
        open={review !== null}
        title="Propose this change?"
        tone="primary"
        confirmLabel={needsSecondAdmin ? "Send for approval" : "Save change"}
        reason={{ label: "Reason for this change", mode: "required", placeholder: "Why the policy changes" }}
        busy={pending}
        onConfirm={send}
        onCancel={() => setReview(null)}
      >
        <ul aria-label="What changes" className="list-disc space-y-0.5 pl-5">
          {review?.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </div>
  );
}

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={fieldLabelClass}>
        {label}
      </label>
      {children}
      {error ? (
        <p role="alert" className="mt-1 text-xs font-medium text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{hint}</p>
      ) : null}
    </div>
  );
}
