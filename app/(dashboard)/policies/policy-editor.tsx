"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import type { ErrorDetail } from "@/lib/errors/app-error";
import type { BacktestResult } from "@/lib/policies/backtest/backtest-policy";
import { backtestPolicyAction, proposePolicyAction, startShadowAction } from "./actions";
import { BacktestResults } from "./backtest-results";

const noop = () => () => {};

/**
 * JSON editor for admins (everything the form does not show); validation problems are listed
 * per field, as the API reports them. A change needs a reason and is proposed like the form's
 * (four eyes). Proposals name the version the editor loaded; when someone saved a newer one meanwhile the
 * save is refused (409) and the editor offers to reload it (the page keys this component by
 * version, so a refresh starts over on the new document).
 */
export function PolicyEditor({ initial, version }: { initial: string; version: number }) {
  const [text, setText] = useState(initial);
  const [reason, setReason] = useState("");
  // Typing before hydration would be lost when React takes over the textarea: editable once hydrated.
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [problem, setProblem] = useState<{ message: string; details: ErrorDetail[]; stale: boolean } | null>(null);
  const [pending, start] = useTransition();
  const [days, setDays] = useState(30);
  const [backtest, setBacktest] = useState<BacktestResult | null>(null);
  const toast = useToast();
  const router = useRouter();

  const save = () =>
    start(async () => {
      const res = await proposePolicyAction(text, version, reason);
      if (res.ok) setReason("");
      if (!res.ok) return setProblem({ message: res.message, details: res.code === "conflict" ? [] : res.details, stale: res.code === "conflict" });
      setProblem(null);
      if (res.data.status === "pending") toast({ tone: "success", title: "Change proposed", message: "It goes live when another admin approves it." });
      else toast({ tone: "success", title: `Policy saved as version ${res.data.version}`, message: "New intents are decided with it from now on." });
      router.refresh();
    });

  const tryDraft = () =>
    start(async () => {
      const res = await backtestPolicyAction(text, days);
      if (!res.ok) return setProblem({ message: res.message, details: res.details, stale: false });
      setProblem(null);
      setBacktest(res.data);
    });

  const shadow = () =>
    start(async () => {
      const res = await startShadowAction(text);
      if (!res.ok) return setProblem({ message: res.message, details: res.details, stale: false });
      setProblem(null);
      toast({ tone: "success", title: "Draft running in shadow", message: "Every new decision records what it would have said." });
      router.push("/policies/shadow");
    });

  return (
    <div className="space-y-3">
      <label htmlFor="policy-json" className="block text-sm font-medium text-slate-700 dark:text-slate-200">
        Policy document (JSON, amounts in minor units: paise)
      </label>
      <textarea
        id="policy-json"
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
        readOnly={!hydrated}
        rows={24}
        aria-invalid={!!problem}
        aria-describedby={problem ? "policy-errors" : undefined}
        className="block w-full rounded-lg border-0 bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100 ring-1 ring-inset ring-slate-800 focus:ring-2 focus:ring-brand-500"
      />
      {problem && (
        <div id="policy-errors" role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm dark:border-rose-900 dark:bg-rose-950/50">
          <p className="font-medium text-rose-900 dark:text-rose-200">{problem.message}</p>
          {problem.stale && (
            <Button className="mt-2" size="sm" variant="secondary" onClick={() => router.refresh()}>
              Reload the current version (discards your edits)
            </Button>
          )}
          {problem.details.length > 0 && (
            <ul className="mt-2 space-y-1">
              {problem.details.map((d, n) => (
                <li key={n} className="text-rose-800 dark:text-rose-300">
                  <code className="rounded bg-rose-100 px-1 font-mono text-xs dark:bg-rose-900/60">{d.field}</code> {d.issue}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div>
        <label htmlFor="policy-json-reason" className="block text-sm font-medium text-slate-700 dark:text-slate-200">
          Reason for this change
        </label>
        <input
          id="policy-json-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          className="mt-1 block h-9 w-full rounded-lg border-0 px-2.5 text-sm ring-1 ring-inset ring-slate-300 dark:bg-slate-950 dark:ring-slate-700"
        />
      </div>
      <div className="flex justify-end gap-2">
        <Button
          variant="ghost"
          disabled={pending}
          onClick={() => {
            setText(initial);
            setProblem(null);
          }}
        >
          Discard changes
        </Button>
        <Button disabled={pending || text === initial || reason.trim() === ""} onClick={save}>
          {pending ? "Working…" : "Propose from JSON"}
        </Button>
      </div>
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-100 pt-3 dark:border-slate-800">
        <span className="mr-auto text-sm text-slate-600 dark:text-slate-300">Before saving, try the draft:</span>
        <label htmlFor="backtest-days" className="sr-only">
          Backtest window
        </label>
        <select
          id="backtest-days"
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
          className="rounded-lg border-0 py-1.5 text-sm ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
        >
          <option value={7}>last 7 days</option>
          <option value={30}>last 30 days</option>
          <option value={90}>last 90 days</option>
        </select>
        <Button variant="secondary" disabled={pending} onClick={tryDraft}>
          Backtest
        </Button>
        <Button variant="secondary" disabled={pending} onClick={shadow}>
          Run in shadow
        </Button>
      </div>
      {backtest && <BacktestResults result={backtest} />}
    </div>
  );
}
