"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { MoneyText } from "@/components/money-text";
import { Time } from "@/components/org-time";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/table";
import { useToast } from "@/components/toast";
import { formatSums } from "@/lib/format/sum-by-currency";
import type { SettlementGap } from "@/lib/intents/list-settlement-gaps";
import { settleIntentsAction } from "./actions";

const KIND = {
  uncaptured: { tone: "amber", label: "Awaiting capture" },
  partial: { tone: "blue", label: "Partly paid" },
  voided: { tone: "neutral", label: "Voided" },
} as const;

/** The gaps, with ticks on those awaiting capture for people who settle: capture in full or void them together. */
export function GapsTable({ gaps, canSettle }: { gaps: SettlementGap[]; canSettle: boolean }) {
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [asking, setAsking] = useState<"capture" | "void" | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const open = gaps.filter((g) => g.kind === "uncaptured");
  const chosen = open.filter((g) => ticked.has(g.intentId));
  const sum = formatSums(chosen.map((g) => ({ amount: g.approved, currency: g.currency })));
  const toggle = (id: string) =>
    setTicked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const settle = (kind: "capture" | "void", note: string) =>
    start(async () => {
      const res = await settleIntentsAction(
        chosen.map((g) => g.intentId),
        kind,
        note,
      );
      setAsking(null);
      if (!res.ok) return toast({ tone: "error", title: "Nothing settled", message: res.message });
      setTicked(new Set());
      toast(
        res.data.failed.length
          ? {
              tone: "error",
              title: `${res.data.done.length} settled, ${res.data.failed.length} not`,
              message: res.data.failed.map((f) => f.message).join(" · "),
            }
          : { tone: "success", title: kind === "capture" ? `Captured ${res.data.done.length} in full` : `Voided ${res.data.done.length}` },
      );
    });

  return (
    <>
      {canSettle && open.length > 0 && (
        <div
          role="region"
          aria-label="Settle ticked approvals"
          className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2.5 text-sm dark:border-slate-800"
        >
          <label className="flex items-center gap-2 font-medium text-slate-800 dark:text-slate-100">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={chosen.length === open.length}
              onChange={(e) => setTicked(e.target.checked ? new Set(open.map((g) => g.intentId)) : new Set())}
            />
            {chosen.length ? `${chosen.length} ticked · ${sum}` : `Tick all ${open.length} awaiting capture`}
          </label>
          {chosen.length > 0 && (
            <div className="flex gap-2">
              <Button size="sm" variant="danger" disabled={pending} onClick={() => setAsking("void")}>
                Void {chosen.length}
              </Button>
              <Button size="sm" variant="success" disabled={pending} onClick={() => setAsking("capture")}>
                Capture {chosen.length} in full
              </Button>
            </div>
          )}
        </div>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking === "void" ? `Void ${chosen.length} approvals?` : `Capture ${chosen.length} approvals in full?`}
        confirmLabel={asking === "void" ? "Void them" : "Capture them"}
        tone={asking === "void" ? "danger" : "primary"}
        busy={pending}
        reason={{ label: asking === "void" ? "Why nothing was paid" : "Memo for the books", mode: "optional" }}
        onCancel={() => setAsking(null)}
        onConfirm={(note) => settle(asking!, note)}
      >
        <p>
          {asking === "void" ? `Nothing was paid: all of ${sum} goes back to the agents' wallets.` : `Records that ${sum} was paid as approved.`} Each is
          settled and audited on its own; this cannot be undone.
        </p>
      </ConfirmDialog>
      <Table label="Settlement gaps">
        <THead>
          {canSettle && open.length > 0 && (
            <Th>
              <span className="sr-only">Tick</span>
            </Th>
          )}
          <Th>Intent</Th>
          <Th>State</Th>
          <Th align="right">Approved</Th>
          <Th align="right">Captured</Th>
          <Th align="right">Gap</Th>
          <Th className="hidden md:table-cell">Approved at</Th>
        </THead>
        <TBody>
          {gaps.map((g) => (
            <Tr key={g.intentId}>
              {canSettle && open.length > 0 && (
                <Td>
                  {g.kind === "uncaptured" && (
                    <input
                      type="checkbox"
                      aria-label={`Tick ${g.merchant ?? g.intentId}`}
                      className="size-4 accent-brand-600"
                      checked={ticked.has(g.intentId)}
                      onChange={() => toggle(g.intentId)}
                    />
                  )}
                </Td>
              )}
              <Td className="max-w-[16rem]">
                <Link href={`/intents/${g.intentId}`} className="block truncate font-medium text-slate-900 hover:underline dark:text-white">
                  {g.merchant ?? g.intentId}
                </Link>
                <div className="truncate text-xs text-slate-500 dark:text-slate-400">
                  <Link href={`/agents/${g.agentId}`} className="hover:underline">
                    {g.agentName}
                  </Link>
                </div>
              </Td>
              <Td>
                <Badge tone={KIND[g.kind].tone} dot>
                  {KIND[g.kind].label}
                </Badge>
              </Td>
              <Td align="right">
                <MoneyText amount={g.approved} currency={g.currency} />
              </Td>
              <Td align="right">{g.captured === null ? "—" : <MoneyText amount={g.captured} currency={g.currency} />}</Td>
              <Td align="right" className="font-medium">
                <MoneyText amount={g.approved - (g.captured ?? 0)} currency={g.currency} />
              </Td>
              <Td className="hidden text-slate-500 md:table-cell dark:text-slate-400">
                <Time at={g.decidedAt} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}
