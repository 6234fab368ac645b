import type { LedgerEntry } from "@/lib/generated/prisma/client";

/** A ledger row as the dashboard shows it: numbers and ISO times, safe to pass to client components. */
export function toLedgerLine(e: LedgerEntry) {
  return {
    id: e.id,
    kind: e.kind,
    amount: Number(e.amount),
    balanceAfter: Number(e.balanceAfter),
    heldAfter: Number(e.heldAfter),
    memo: e.memo,
    actor: e.actor,
    createdAt: e.createdAt.toISOString(),
  };
}
