import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import type { LedgerKind } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";

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
};

/**
 * Moves money: one guarded UPDATE of the wallet (it changes nothing unless the funds
 * are there, so no race can overspend) plus the ledger row, in the caller's transaction.
 *   credit: balance += a (up to 2^53−1)  debit:   balance -= a (needs available >= a)
 *   hold:   held += a (available)   release: held -= a (needs held >= a)
 *   capture: nothing moves (records what an approved, already debited intent paid)
 *   reversal: balance += a (the unpaid part of an approved intent comes back)
 * So balance = Σcredit + Σreversal − Σdebit and held = Σhold − Σrelease, always.
 */
export async function postLedgerEntry(tx: Tx, e: LedgerInput): Promise<{ balance: number; held: number }> {
  if (!Number.isSafeInteger(e.amount) || e.amount <= 0) throw new AppError("validation_error", "amount must be a positive integer");
  const a = BigInt(e.amount);
  // One statement: the guarded wallet update feeds the ledger insert, so a refused update writes no row.
  const rows = await tx.$queryRaw<Row[]>`
    WITH w AS (${walletUpdate(e.kind, e.walletId, a)})
    INSERT INTO ledger_entries (id, org_id, wallet_id, intent_id, kind, amount, balance_after, held_after, memo, actor)
    SELECT ${newId("led")}, ${e.orgId}, ${e.walletId}, ${e.intentId ?? null}, ${e.kind}::"LedgerKind", ${a}, w.balance, w.held, ${e.memo}, ${e.actor} FROM w
    RETURNING balance_after AS balance, held_after AS held`;
  if (rows.length === 0) {
    if (e.kind === "credit") {
      throw new AppError("validation_error", `The balance may be at most ${MAX_MINOR_UNITS} minor units; this credit would pass it`, [
        { field: "amount", issue: "would take the balance over the largest safe amount" },
      ]);
    }
    throw new AppError("conflict", e.kind === "release" ? "Nothing is held for this amount" : "Insufficient available balance");
  }
  return { balance: Number(rows[0].balance), held: Number(rows[0].held) };
}

type Row = { balance: bigint; held: bigint };

function walletUpdate(kind: LedgerKind, id: string, a: bigint): Prisma.Sql {
  switch (kind) {
    case "credit":
      return Prisma.sql`UPDATE wallets SET balance = balance + ${a} WHERE id = ${id} AND balance + ${a} <= ${MAX_MINOR_UNITS} RETURNING balance, held`;
    case "debit":
      return Prisma.sql`UPDATE wallets SET balance = balance - ${a} WHERE id = ${id} AND balance - held >= ${a} RETURNING balance, held`;
    case "hold":
      return Prisma.sql`UPDATE wallets SET held = held + ${a} WHERE id = ${id} AND balance - held >= ${a} RETURNING balance, held`;
    case "release":
      return Prisma.sql`UPDATE wallets SET held = held - ${a} WHERE id = ${id} AND held >= ${a} RETURNING balance, held`;
    case "capture":
      return Prisma.sql`SELECT balance, held FROM wallets WHERE id = ${id}`;
    case "reversal":
      return Prisma.sql`UPDATE wallets SET balance = balance + ${a} WHERE id = ${id} RETURNING balance, held`;
  }
}
