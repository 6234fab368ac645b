"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FieldError, fieldIssue } from "@/components/field-error";
import { useToast } from "@/components/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import { setAgentAccountingAction } from "./actions";

const field =
  "h-8 w-40 rounded-lg border-0 bg-white px-2.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-950 dark:ring-slate-700";
type Refusal = Extract<ActionResult<unknown>, { ok: false }>;

/** Where the agent's spend books to in the intents CSV: GL code and cost centre (admins change them). */
export function AccountingForm({
  agentId,
  glCode,
  costCenter,
  canEdit,
}: {
  agentId: string;
  glCode: string | null;
  costCenter: string | null;
  canEdit: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const shown = (v: string | null) =>
    v ? <span className="font-medium text-slate-900 dark:text-white">{v}</span> : <span className="text-slate-500 dark:text-slate-400">not set</span>;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm" data-testid="accounting">
      <span className="text-slate-600 dark:text-slate-300">
        Books to GL {shown(glCode)} · cost centre {shown(costCenter)}
      </span>
      {canEdit && !open && (
        <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
          Change
        </Button>
      )}
      {canEdit && open && (
        <form
          className="flex flex-wrap items-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            start(async () => {
              const res = await setAgentAccountingAction(agentId, String(f.get("gl") ?? ""), String(f.get("cc") ?? ""));
              if (!res.ok) return setRefusal(res);
              setRefusal(null);
              setOpen(false);
              toast({ tone: "success", title: "Accounting codes saved" });
            });
          }}
        >
          <div>
            <label htmlFor="acct-gl" className="sr-only">
              GL code
            </label>
            <input id="acct-gl" name="gl" defaultValue={glCode ?? ""} placeholder="GL code, e.g. 6100" maxLength={64} className={field} />
            <FieldError id="acct-gl-error" message={fieldIssue(refusal, "gl_code")} />
          </div>
          <div>
            <label htmlFor="acct-cc" className="sr-only">
              Cost centre
            </label>
            <input id="acct-cc" name="cc" defaultValue={costCenter ?? ""} placeholder="Cost centre, e.g. ENG" maxLength={64} className={field} />
            <FieldError id="acct-cc-error" message={fieldIssue(refusal, "cost_center")} />
          </div>
          <Button size="sm" type="submit" disabled={pending}>
            Save
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </form>
      )}
    </div>
  );
}
