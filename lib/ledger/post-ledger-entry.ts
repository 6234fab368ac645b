import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import type { LedgerKind } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { alertLowBalance } from "@/lib/wallets/alert-low-balance";

/** Number.MAX_SAFE_INTEGER: the largest amount a JSON number carries exactly (a CHECK backs it). */
const MAX_MINOR_UNITS = BigInt(Number.MAX_SAFE_INTEGER);

export type LedgerInput = {
  orgId: string;
  walletId: string;
  kind: LedgerKind;
  amount: number;
  intentId?: string | null;
  memo: string;
  actor: string;
  /**
   * false when this debit spends money that was already held (an approval's release + debit):
   * the pair leaves `available` where the hold put it, and the hold already reported a crossing.
   */
  lowBalanceCheck?: boolean;
};

/**
 * Moves money: one guarded UPDATE of the wallet (it changes nothing unless the funds
 * are there, so no race can overspend) plus the ledger row, in the caller's transaction.
 *   credit: balance += a (up to 2^53−1)  debit:   balance -= a (needs available >= a)
 *   hold:   held += a (available)   release: held -= a (needs held >= a)
 *   capture: nothing moves (records what an approved, already debited intent paid)
 *   reversal: balance += a (the unpaid part of an approved intent comes back)
 * So balance = Σcredit + Σreversal − Σdebit and held = Σhold − Σrelease, always.
 *
 * A debit or hold that takes `available` from at or above the wallet's low-balance threshold
 * to below it sends `wallet.low_balance` in this same transaction. The test is stateless (before
 * = after + amount, from the row the update returns), so it fires once per crossing, is armed
 * again by anything that lifts `available` back up, and two concurrent debits queue on the row
 * lock, so only the one that actually crosses sends it.
 */
export async function postLedgerEntry(tx: Tx, e: LedgerInput): Promise<{ balance: number; held: number }> {
  if (!Number.isSafeInteger(e.amount) || e.amount <= 0) throw new AppError("validation_error", "amount must be a positive integer");
  const a = BigInt(e.amount);
  // One statement: the guarded wallet update feeds the ledger insert, so a refused update writes no row.
  const rows = await tx.$queryRaw<Row[]>`
    WITH w AS (${walletUpdate(e.kind, e.walletId, a)}),
    l AS (
      INSERT INTO ledger_entries (id, org_id, wallet_id, intent_id, kind, amount, balance_after, held_after, memo, actor)
      SELECT ${newId("led")}, ${e.orgId}, ${e.walletId}, ${e.intentId ?? null}, ${e.kind}::"LedgerKind", ${a}, w.balance, w.held, ${e.memo}, ${e.actor} FROM w
      RETURNING id, balance_after, held_after
    )
    SELECT l.id, l.balance_after AS balance, l.held_after AS held, w.low_balance_threshold AS threshold, w.agent_id::text AS agent_id, w.currency
    FROM l, w`;
  if (rows.length === 0) {
    if (e.kind === "credit") {
      throw new AppError("validation_error", `The balance may be at most ${MAX_MINOR_UNITS} minor units; this credit would pass it`, [
        { field: "amount", issue: "would take the balance over the largest safe amount" },
      ]);
    }
    throw new AppError("conflict", e.kind === "release" ? "Nothing is held for this amount" : "Insufficient available balance");
  }
  const r = rows[0];
  const balance = Number(r.balance);
  const held = Number(r.held);
  const lowers = e.kind === "debit" || e.kind === "hold";
  if (lowers && r.threshold !== null && e.lowBalanceCheck !== false) {
    const threshold = Number(r.threshold);
    const available = balance - held;
    if (available < threshold && available + e.amount >= threshold) {
      await alertLowBalance(tx, {
        orgId: e.orgId,
        walletId: e.walletId,
        agentId: r.agent_id,
        currency: r.currency.trim(),
        balance,
        held,
        threshold,
        intentId: e.intentId ?? null,
        ledgerEntryId: r.id,
      });
    }
  }
  return { balance, held };
}

type Row = { id: string; balance: bigint; held: bigint; threshold: bigint | null; agent_id: string; currency: string };

const COLUMNS = Prisma.sql`balance, held, low_balance_threshold, agent_id, currency`;
const RETURNED = Prisma.sql`RETURNING ${COLUMNS}`;

function walletUpdate(kind: LedgerKind, id: string, a: bigint): Prisma.Sql {
  switch (kind) {
    case "credit":
      return Prisma.sql`UPDATE wallets SET balance = balance + ${a} WHERE id = ${id} AND balance + ${a} <= ${MAX_MINOR_UNITS} ${RETURNED}`;
    case "debit":
      return Prisma.sql`UPDATE wallets SET balance = balance - ${a} WHERE id = ${id} AND balance - held >= ${a} ${RETURNED}`;
    case "hold":
      return Prisma.sql`UPDATE wallets SET held = held + ${a} WHERE id = ${id} AND balance - held >= ${a} ${RETURNED}`;
    case "release":
      return Prisma.sql`UPDATE wallets SET held = held - ${a} WHERE id = ${id} AND held >= ${a} ${RETURNED}`;
    case "capture":
      return Prisma.sql`SELECT ${COLUMNS} FROM wallets WHERE id = ${id}`;
    case "reversal":
      return Prisma.sql`UPDATE wallets SET balance = balance + ${a} WHERE id = ${id} ${RETURNED}`;
  }
}
