import { sql } from "kysely";
import { newLedgerEntryId } from "@/lib/db/ids";
import type { SqlTx } from "@/lib/db/sql";
import { AppError } from "@/lib/errors/app-error";
import type { LedgerKind } from "@/lib/generated/kysely/enums";
import { alertLowBalance } from "@/lib/wallets/alert-low-balance";

/** Number.MAX_SAFE_INTEGER: the largest amount a JSON number carries exactly (a CHECK backs it). */
const MAX_MINOR_UNITS = Number.MAX_SAFE_INTEGER;

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

/** What the wallet looks like after the move (the ledger row's balance_after/held_after). */
export type LedgerResult = { id: string; balance: number; held: number; threshold: number | null; agent_id: string; currency: string };

/**
 * Moves money: one guarded UPDATE of the wallet (it changes nothing unless the funds
 * are there, so no race can overspend) plus the ledger row, in the caller's transaction.
 *   credit: balance += a (up to 2^53−1)  debit:   balance -= a (needs available >= a)
 *   hold:   held += a (available)   release: held -= a (needs held >= a)
 *   capture: nothing moves (records what an approved, already debited intent paid)
 *   reversal: balance += a (the unpaid part of an approved intent comes back)
 *   refund:   balance += a (a merchant paid back part of a card capture, reported by the rail)
 * So balance = Σcredit + Σreversal + Σrefund − Σdebit and held = Σhold − Σrelease, always.
 *
 * A debit or hold that takes `available` from at or above the wallet's low-balance threshold
 * to below it sends `wallet.low_balance` in this same transaction (see lowBalanceCrossed).
 */
export async function postLedgerEntry(tx: SqlTx, e: LedgerInput): Promise<{ balance: number; held: number; threshold: number | null }> {
  assertAmount(e.amount);
  const { rows } = await sql<{ move: LedgerResult | null }>`WITH ${ledgerCtes("move", e)} SELECT ${ledgerResultSql("move")}`.execute(tx);
  const r = ledgerMoved(e, rows[0].move);
  if (lowBalanceCrossed(e, r)) await alertLowBalance(tx, lowBalanceFacts(e, r));
  return { balance: r.balance, held: r.held, threshold: r.threshold };
}

export function assertAmount(amount: number) {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new AppError("validation_error", "amount must be a positive integer");
}

/**
 * The two CTEs of a money move, `<name>_w` (the guarded wallet update) feeding `<name>_l` (the
 * ledger row), so a refused update writes no row. For a statement of its own (postLedgerEntry) or
 * inside a larger one (the decision's); select ledgerResultSql(name) to see what happened.
 */
export function ledgerCtes(name: string, e: LedgerInput) {
  const w = sql.raw(`${name}_w`);
  const l = sql.raw(`${name}_l`);
  return sql`${w} AS (${walletUpdate(e.kind, e.walletId, e.amount)}),
    ${l} AS (
      INSERT INTO ledger_entries (id, org_id, wallet_id, intent_id, kind, amount, balance_after, held_after, memo, actor)
      SELECT ${newLedgerEntryId()}, ${e.orgId}, ${e.walletId}, ${e.intentId ?? null}, ${e.kind}::"LedgerKind", ${e.amount}::bigint, ${w}.balance, ${w}.held,
        ${e.memo}, ${e.actor} FROM ${w}
      RETURNING id, balance_after, held_after
    )`;
}

/** One JSON value (null when the move was refused) describing the move of `ledgerCtes(name, …)`. */
export const ledgerResultSql = (name: string) =>
  sql.raw(`(SELECT json_build_object('id', l.id, 'balance', l.balance_after, 'held', l.held_after, 'threshold', w.low_balance_threshold,
    'agent_id', w.agent_id, 'currency', w.currency) FROM ${name}_l l, ${name}_w w) AS ${name}`);

/** The result of a move, or the error for a refused one (nothing was written then). */
export function ledgerMoved(e: LedgerInput, r: LedgerResult | null | undefined): LedgerResult {
  if (r) return { ...r, balance: Number(r.balance), held: Number(r.held), threshold: r.threshold === null ? null : Number(r.threshold) };
  if (e.kind === "credit") {
    throw new AppError("validation_error", `The balance may be at most ${MAX_MINOR_UNITS} minor units; this credit would pass it`, [
      { field: "amount", issue: "would take the balance over the largest safe amount" },
    ]);
  }
  throw new AppError("conflict", e.kind === "release" ? "Nothing is held for this amount" : "Insufficient available balance");
}

/**
 * Whether this move took `available` from at or above the threshold to below it. Stateless
 * (before = after + amount, from the row the update returned), so it fires once per crossing,
 * is armed again by anything that lifts `available` back up, and two concurrent debits queue on
 * the row lock, so only the one that actually crosses sends it.
 */
export function lowBalanceCrossed(e: LedgerInput, r: LedgerResult): boolean {
  if ((e.kind !== "debit" && e.kind !== "hold") || r.threshold === null || e.lowBalanceCheck === false) return false;
  const available = r.balance - r.held;
  return available < r.threshold && available + e.amount >= r.threshold;
}

export const lowBalanceFacts = (e: LedgerInput, r: LedgerResult) => ({
  orgId: e.orgId,
  walletId: e.walletId,
  agentId: r.agent_id,
  currency: r.currency.trim(),
  balance: r.balance,
  held: r.held,
  threshold: r.threshold!,
  intentId: e.intentId ?? null,
  ledgerEntryId: r.id,
});

const RETURNED = sql`RETURNING balance, held, low_balance_threshold, agent_id, currency`;

function walletUpdate(kind: LedgerKind, id: string, amount: number) {
  const a = sql`${amount}::bigint`;
  switch (kind) {
    case "credit":
      return sql`UPDATE wallets SET balance = balance + ${a} WHERE id = ${id} AND balance + ${a} <= ${MAX_MINOR_UNITS}::bigint ${RETURNED}`;
    case "debit":
      return sql`UPDATE wallets SET balance = balance - ${a} WHERE id = ${id} AND balance - held >= ${a} ${RETURNED}`;
    case "hold":
      return sql`UPDATE wallets SET held = held + ${a} WHERE id = ${id} AND balance - held >= ${a} ${RETURNED}`;
    case "release":
      return sql`UPDATE wallets SET held = held - ${a} WHERE id = ${id} AND held >= ${a} ${RETURNED}`;
    case "capture":
      return sql`SELECT balance, held, low_balance_threshold, agent_id, currency FROM wallets WHERE id = ${id}`;
    case "reversal":
    case "refund":
      return sql`UPDATE wallets SET balance = balance + ${a} WHERE id = ${id} ${RETURNED}`;
  }
}
