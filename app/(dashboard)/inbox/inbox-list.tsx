"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { Card } from "@/components/card";
import type { ApprovalDto } from "@/lib/approvals/approval-schemas";
import { ApprovalCard } from "./approval-card";
import { useRespond } from "./use-respond";

const POLL_MS = 3000;

async function fetchApprovals(sort: string): Promise<ApprovalDto[]> {
  const res = await fetch(`/api/v1/approvals?sort=${sort}`, { credentials: "same-origin", cache: "no-store" });
  if (!res.ok) throw new Error(`Could not refresh the inbox (${res.status})`);
  return (await res.json()).data;
}

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

/** The live inbox: polls the API, hides answered items at once, j/k/a/r on the keyboard. */
export function InboxList({ initial, sort, canAnswer }: { initial: ApprovalDto[]; sort: "oldest" | "amount"; canAnswer: boolean }) {
  const query = useQuery({
    queryKey: ["approvals", sort],
    queryFn: () => fetchApprovals(sort),
    initialData: initial,
    refetchInterval: canAnswer ? POLL_MS : false,
    enabled: canAnswer,
  });
  const { answering, respond } = useRespond(sort);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState(0);
  const now = useNow(30_000);
  const items = query.data.filter((a) => !answering.has(a.id));
  const current = Math.min(selected, Math.max(0, items.length - 1));

  const answer = useCallback(
    (a: ApprovalDto, decision: "approve" | "reject") => respond(a, decision, comments[a.id] ?? ""),
    [respond, comments],
  );

  useEffect(() => {
    if (!canAnswer) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || typing(e.target) || items.length === 0) return;
      if (e.key === "j") setSelected(Math.min(current + 1, items.length - 1));
      else if (e.key === "k") setSelected(Math.max(current - 1, 0));
      else if (e.key === "a") answer(items[current], "approve");
      else if (e.key === "r") answer(items[current], "reject");
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canAnswer, items, current, answer]);

  useEffect(() => {
    document.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: "nearest" });
  }, [current]);

  if (items.length === 0) {
    return (
      <Card>
        <EmptyState title="You're all caught up">
          No spend intents are waiting for you. New ones appear here on their own — there is no need to reload.
        </EmptyState>
      </Card>
    );
  }
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-500 dark:text-slate-400">
        <p aria-live="polite">
          <span className="font-semibold text-slate-900 dark:text-white">{items.length}</span> waiting
          {query.isFetching && <span className="ml-2 text-xs">· refreshing</span>}
          {query.isError && <span className="ml-2 text-xs text-rose-600">· offline, retrying</span>}
        </p>
        {canAnswer && (
          <p className="hidden sm:block">
            <Kbd>j</Kbd>/<Kbd>k</Kbd> move · <Kbd>a</Kbd> approve · <Kbd>r</Kbd> reject
          </p>
        )}
      </div>
      <ul className="space-y-3" aria-label="Pending approvals">
        {items.map((a, i) => (
          <li key={a.id} data-index={i}>
            <ApprovalCard
              approval={a}
              now={now}
              selected={canAnswer && i === current}
              onSelect={() => setSelected(i)}
              canAnswer={canAnswer}
              comment={comments[a.id] ?? ""}
              onComment={(c) => setComments((m) => ({ ...m, [a.id]: c }))}
              onAnswer={(d) => answer(a, d)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The current time, ticking so "waiting" and "expires" stay true while the page is open. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

function Kbd({ children }: { children: React.ReactNode }) {
  return <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200">{children}</kbd>;
}
