"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/button";
import { Card } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import type { InboxItem } from "@/lib/approvals/inbox-items";
import type { InboxPage } from "@/lib/approvals/load-inbox";
import { ApprovalCard } from "./approval-card";
import { BulkBar } from "./bulk-bar";
import { ShortcutsDialog, Kbd } from "./shortcuts-dialog";
import { useAnswers } from "./use-answers";

const POLL_MS = 3000;

async function fetchPage(search: string, cursor: string | null): Promise<InboxPage> {
  const q = new URLSearchParams(search);
  if (cursor) q.set("cursor", cursor);
  const res = await fetch(`/inbox/feed?${q}`, { credentials: "same-origin", cache: "no-store" });
  if (!res.ok) throw new Error(`Could not refresh the inbox (${res.status})`);
  return res.json();
}

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

/**
 * The live inbox for every role: polls its feed (all pages loaded so far), marks items that
 * arrive while it is open, answers with an Undo window, works from the keyboard.
 */
export function InboxList({ initial, search, emptyText }: { initial: InboxPage; search: string; emptyText: string }) {
  const router = useRouter();
  const query = useInfiniteQuery({
    queryKey: ["inbox", search],
    queryFn: ({ pageParam }) => fetchPage(search, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    initialData: { pages: [initial], pageParams: [null] },
    refetchInterval: POLL_MS,
  });
  // Answers waiting out their Undo window (or being sent) are hidden; see use-answers.ts.
  const { held, answer, undoLast } = useAnswers();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState(0);
  const [help, setHelp] = useState(false);
  // Only a move made from the keyboard scrolls: opening the inbox leaves the page at its top.
  const [moved, setMoved] = useState(false);
  const now = useNow(30_000);

  const pages = query.data.pages;
  const all = pages.flatMap((p) => p.items);
  const openedAt = initial.generated_at;
  const items = all.filter((a) => !held.has(a.id));
  const current = Math.min(selected, Math.max(0, items.length - 1));
  const counts = pages[0].counts;
  const chosen = items.filter((a) => checked.has(a.id) && a.can_answer);

  const answerOne = useCallback(
    (a: InboxItem, decision: "approve" | "reject") => answer([{ item: a, decision, comment: comments[a.id] ?? "" }]),
    [answer, comments],
  );
  const answerChosen = (decision: "approve" | "reject") => {
    answer(chosen.map((a) => ({ item: a, decision, comment: comments[a.id] ?? "" })));
    setChecked(new Set());
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || typing(e.target)) return;
      const item = items[current];
      if (e.key === "?") setHelp((h) => !h);
      else if (e.key === "z") undoLast();
      else if (!item) return;
      else if (e.key === "j" || e.key === "k") {
        setMoved(true);
        setSelected(e.key === "j" ? Math.min(current + 1, items.length - 1) : Math.max(current - 1, 0));
      } else if (e.key === "Enter") router.push(`/intents/${item.intent_id}`);
      else if (e.key === "x" && item.can_answer) setChecked((s) => toggle(s, item.id));
      else if ((e.key === "a" || e.key === "r") && item.can_answer && !(e.key === "a" && item.blocked)) answerOne(item, e.key === "a" ? "approve" : "reject");
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items, current, answerOne, undoLast, router]);

  useEffect(() => {
    if (moved) document.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: "nearest" });
  }, [current, moved]);

  const status = (
    <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-500 dark:text-slate-400">
      <p aria-live="polite">
        Showing <span className="font-semibold text-slate-900 dark:text-white">{items.length}</span>
        {query.hasNextPage ? " so far" : ""}
        {query.isFetching && <span className="ml-2 text-xs">· refreshing</span>}
        {query.isError && <span className="ml-2 text-xs text-rose-600">· offline, retrying</span>}
      </p>
      <p className="hidden sm:block">
        <Kbd>j</Kbd>/<Kbd>k</Kbd> move · <Kbd>a</Kbd> approve · <Kbd>r</Kbd> reject · <Kbd>Enter</Kbd> open · <Kbd>?</Kbd> all shortcuts
      </p>
    </div>
  );

  return (
    <div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
      {items.length === 0 ? (
        <Card>
          <EmptyState title={counts.yours + counts.others === 0 ? "You're all caught up" : "Nothing here"}>{emptyText}</EmptyState>
        </Card>
      ) : (
        <>
          {status}
          <BulkBar
            count={chosen.length}
            onApprove={() => answerChosen("approve")}
            onReject={() => answerChosen("reject")}
            onClear={() => setChecked(new Set())}
          />
          <ul className="space-y-3" aria-label="Approvals">
            {items.map((a, n) => (
              <li key={a.id} data-index={n}>
                <ApprovalCard
                  item={a}
                  now={now}
                  current={n === current}
                  isNew={a.created_at > openedAt}
                  checked={checked.has(a.id)}
                  onSelect={() => setSelected(n)}
                  onCheck={() => setChecked((s) => toggle(s, a.id))}
                  comment={comments[a.id] ?? ""}
                  onComment={(c) => setComments((m) => ({ ...m, [a.id]: c }))}
                  onAnswer={(d) => answerOne(a, d)}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {query.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </div>
  );
}

function toggle(s: Set<string>, id: string): Set<string> {
  const next = new Set(s);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
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
