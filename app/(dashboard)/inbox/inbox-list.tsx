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
import { ApprovalRow } from "./approval-row";
import { AskDialog } from "./ask-dialog";
import { BulkBar } from "./bulk-bar";
import { InboxTotals } from "./inbox-totals";
import { RejectDialog } from "./reject-dialog";
import { ShortcutsDialog, Kbd } from "./shortcuts-dialog";
import { useAnswers } from "./use-answers";
import { useWide } from "./use-wide";

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
 * The live inbox for every role: one line per approval and a side panel with the selected one's
 * details (under its line on narrow screens). Polls its feed, marks items that arrive while it is
 * open, answers with an Undo window, asks a reason for every rejection, works from the keyboard.
 */
export function InboxList({ initial, search, emptyText, sortHeader }: { initial: InboxPage; search: string; emptyText: string; sortHeader: React.ReactNode }) {
  const router = useRouter();
  const wide = useWide();
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
  // Narrow screens open a line's details under it only when asked; wide ones always show the panel.
  const [expanded, setExpanded] = useState(false);
  const [rejecting, setRejecting] = useState<InboxItem[]>([]);
  const [asking, setAsking] = useState<InboxItem | null>(null);
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
  const answerable = items.filter((a) => a.can_answer);
  const chosen = answerable.filter((a) => checked.has(a.id));

  const reject = useCallback(
    (list: InboxItem[]) => {
      // A comment typed in the panel is the reason; otherwise the dialog asks for one.
      const typed = list.length === 1 ? (comments[list[0].id] ?? "").trim() : "";
      if (typed) answer([{ item: list[0], decision: "reject", comment: typed }]);
      else setRejecting(list);
    },
    [answer, comments],
  );
  const approve = useCallback(
    (list: InboxItem[]) => answer(list.map((a) => ({ item: a, decision: "approve" as const, comment: comments[a.id] ?? "" }))),
    [answer, comments],
  );
  const select = (n: number) => {
    setExpanded(n !== current || !expanded);
    setSelected(n);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || typing(e.target) || rejecting.length > 0 || asking) return;
      const item = items[current];
      if (e.key === "?") setHelp((h) => !h);
      else if (e.key === "z") undoLast();
      else if (!item) return;
      else if (e.key === "j" || e.key === "k") {
        setMoved(true);
        setSelected(e.key === "j" ? Math.min(current + 1, items.length - 1) : Math.max(current - 1, 0));
      } else if (e.key === "Enter") router.push(`/intents/${item.intent_id}`);
      else if (e.key === "x" && item.can_answer) setChecked((s) => toggle(s, item.id));
      else if (e.key === "a" && item.can_answer && !item.blocked) approve([item]);
      else if (e.key === "r" && item.can_answer) reject([item]);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items, current, approve, reject, undoLast, router, rejecting, asking]);

  useEffect(() => {
    if (moved) document.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: "nearest" });
  }, [current, moved]);

  const detail = (a: InboxItem) => (
    <ApprovalCard
      item={a}
      now={now}
      isNew={a.created_at > openedAt}
      comment={comments[a.id] ?? ""}
      onComment={(c) => setComments((m) => ({ ...m, [a.id]: c }))}
      onAnswer={(d) => (d === "approve" ? approve([a]) : reject([a]))}
      onAsk={() => setAsking(a)}
    />
  );

  return (
    <div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
      <RejectDialog
        items={rejecting}
        onCancel={() => setRejecting([])}
        onReject={(reason) => {
          answer(rejecting.map((a) => ({ item: a, decision: "reject" as const, comment: reason })));
          setChecked(new Set());
          setRejecting([]);
        }}
      />
      <AskDialog item={asking} onDone={() => setAsking(null)} />
      <InboxTotals awaiting={pages[0].awaiting} shown={items.length} more={query.hasNextPage} refreshing={query.isFetching} offline={query.isError} />
      {items.length === 0 ? (
        <Card>
          <EmptyState title={counts.yours + counts.others === 0 ? "You're all caught up" : "Nothing here"}>{emptyText}</EmptyState>
        </Card>
      ) : (
        <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_26rem]">
          <div className="min-w-0">
            <BulkBar
              chosen={chosen}
              answerable={answerable}
              onAll={(on) => setChecked(on ? new Set(answerable.map((a) => a.id)) : new Set())}
              onApprove={() => {
                approve(chosen.filter((a) => !a.blocked));
                setChecked(new Set());
              }}
              onReject={() => reject(chosen)}
            />
            {/* Rows lay out by the list's own width (a container query): beside the side panel the list
                is narrower than the window says, and a one-line row there cut off its Approve button. */}
            <Card className="@container overflow-hidden">
              <div className="hidden items-center justify-between gap-3 border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-medium text-slate-500 @2xl:flex dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
                {sortHeader}
              </div>
              <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label="Approvals">
                {items.map((a, n) => (
                  <li key={a.id} data-index={n}>
                    <ApprovalRow
                      item={a}
                      now={now}
                      current={n === current}
                      isNew={a.created_at > openedAt}
                      checked={checked.has(a.id)}
                      onSelect={() => select(n)}
                      onCheck={() => setChecked((s) => toggle(s, a.id))}
                      onApprove={() => approve([a])}
                      onReject={() => reject([a])}
                    />
                    {!wide && n === current && expanded && <div className="border-t border-slate-100 p-2 dark:border-slate-800">{detail(a)}</div>}
                  </li>
                ))}
              </ul>
            </Card>
            {query.hasNextPage && (
              <div className="mt-4 flex justify-center">
                <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                  {query.isFetchingNextPage ? "Loading…" : "Load more"}
                </Button>
              </div>
            )}
            <p className="mt-3 hidden text-xs text-slate-500 sm:block dark:text-slate-400">
              <Kbd>j</Kbd>/<Kbd>k</Kbd> move · <Kbd>a</Kbd> approve · <Kbd>r</Kbd> reject · <Kbd>x</Kbd> tick · <Kbd>Enter</Kbd> open · <Kbd>?</Kbd> all
              shortcuts
            </p>
          </div>
          {wide && items[current] && (
            <aside aria-label="Selected approval" className="sticky top-20 max-h-[calc(100vh-6rem)] overflow-y-auto">
              {detail(items[current])}
            </aside>
          )}
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
