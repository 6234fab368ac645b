/**
 * One readable line (or a few) per admin command result, for the CLI without --json.
 * Pure: takes the JSON-able result of runAdminCommand.
 */
import { formatMinorUnits } from "@/lib/policies/engine/format-minor-units";
import { describePolicyChange } from "@/lib/policies/diff-policy-documents";
import type { PolicyVersionView } from "@/lib/policies/list-policy-versions";
import type { ChainReport } from "@/lib/audit/verify-audit-chain";
import type { BacktestResult } from "@/lib/policies/backtest/backtest-policy";

type Obj = Record<string, unknown>;
/** Minor units in the currency's own digits (JPY has none, KWD three); without a currency, plain minor units. */
const money = (minor: unknown, currency: unknown) =>
  typeof currency === "string" && currency ? formatMinorUnits(Number(minor), currency) : `${Number(minor)} (minor units)`;
const walletLine = (w: Obj | null | undefined) =>
  w ? `${money(w.balance, w.currency)} (held ${money(w.held, w.currency)}, available ${money(w.available, w.currency)})` : "no wallet";

export function formatAdminResult(command: string[], result: unknown): string {
  const r = result as Obj;
  switch (command.join(" ")) {
    case "org create":
      return `Created organisation ${r.name} (${r.id}), currency ${r.currency}`;
    case "secrets reseal": {
      const cols = r.columns as { table: string; column: string; sealed: number; resealed: number; current: number; failed: { id: string; error: string }[] }[];
      return [
        `Sealing key ${r.key_id} (keys held: ${(r.keys as string[]).join(", ")})`,
        ...cols.map(
          (c) =>
            `${c.table}.${c.column}: ${c.resealed} re-sealed, ${c.sealed} sealed from plain, ${c.current} already current` +
            (c.failed.length ? `; ${c.failed.length} no key opens: ${c.failed.map((f) => f.id).join(", ")}` : ""),
        ),
      ].join("\n");
    }
    case "secrets new-key":
      return `${r.key}\n(key id ${r.key_id}: put it first in AEGIS_SECRET_KEY, keep the old key after it, restart, then run secrets reseal)`;
    case "org list":
      return (result as Obj[]).map((o) => `${o.id}  ${o.name}  ${o.currency}  (${o.users} users, ${o.agents} agents)`).join("\n") || "No organisations yet.";
    case "user create":
      return `Created ${r.role} ${r.email} (${r.id}) in ${r.org_id}${r.has_password ? "" : " (no password: sign-in disabled, use a user key)"}`;
    case "wallet ledger":
      return [
        `${r.count} ledger entries for agent ${r.agent_id}; newest first:`,
        ...(r.entries as Obj[]).map((e) => `${e.created_at}  ${e.kind}  ${money(e.amount, e.currency)}  → ${money(e.balance_after, e.currency)}  ${e.memo}`),
      ].join("\n");
    case "user password":
      return `Set a new password for ${r.email}; their open sessions have ended`;
    case "user role":
      return `${r.email} is now ${r.role}; their open sessions have ended`;
    case "user deactivate":
      return `Deactivated ${r.email}: no sign-in, sessions ended, user keys refused`;
    case "agent create":
      return `Created agent ${r.name} (${r.id}), wallet ${walletLine(r.wallet as Obj)}`;
    case "agent list":
      return (
        (result as Obj[]).map((a) => `${a.id}  ${a.name}  ${a.status}  risk ${a.risk_level}  ${walletLine(a.wallet as Obj)}`).join("\n") || "No agents yet."
      );
    case "agent suspend":
    case "agent resume":
      return `Agent ${r.name} (${r.id}) is ${r.status}`;
    case "agent risk":
      return `Agent ${r.name} risk level ${r.risk_level}${r.risk_override ? " (override)" : " (computed)"}`;
    case "counters rebuild":
      return (result as Obj[]).map((o) => `Rebuilt counters of ${o.orgId}: ${o.days} day rows, ${o.minutes} minute rows`).join("\n") || "No organisations.";
    case "counters check": {
      const drift = r.drift as Obj[];
      if (drift.length === 0) return `Counters of ${r.organizations} organisation(s) agree with their intents.`;
      const lines = drift
        .slice(0, 20)
        .map((d) => `${d.org_id} ${d.kind} ${d.agentId} ${d.key}: stored ${JSON.stringify(d.stored)} vs ${JSON.stringify(d.recomputed)}`);
      return [`${drift.length} counter row(s) drifted (fix: npm run aegis -- counters rebuild --org ID):`, ...lines].join("\n");
    }
    case "key create":
      return [`Created ${r.kind} key ${r.name} (${r.id})`, `  ${r.key}`, "Store it now: it is not shown again."].join("\n");
    case "key list":
      return (result as Obj[]).map((k) => `${k.id}  ${k.kind}  ${k.prefix}…  ${k.name}${k.revoked_at ? "  (revoked)" : ""}`).join("\n") || "No keys.";
    case "key revoke":
      return `Revoked key ${r.name} (${r.id})`;
    case "wallet fund":
      return `Funded agent ${r.agent_id}: wallet ${walletLine(r.wallet as Obj)}`;
    case "wallet threshold": {
      const w = r.wallet as Obj;
      const t = w.low_balance_threshold;
      return t === null
        ? `Low-balance alert off for ${w.currency} wallet of agent ${r.agent_id}`
        : `Low-balance threshold of agent ${r.agent_id}: ${money(t, w.currency)} (available now ${money(w.available, w.currency)})`;
    }
    case "intent capture":
    case "intent void":
      return `Intent ${r.id} ${r.settlement}: ${money(r.captured_amount ?? 0, r.currency)} captured of ${money(r.amount, r.currency)} approved`;
    case "policy show":
      return JSON.stringify(result, null, 2);
    case "policy set":
      return `Saved policy version ${r.version} for ${r.org_id}`;
    case "policy backtest":
      return formatBacktest(result as BacktestResult);
    case "audit verify":
      return formatChainReports(result as ChainReport[]);
    case "policy versions":
      return formatPolicyVersions(result as PolicyVersionView[]);
    default:
      return typeof result === "string" ? result : JSON.stringify(result, null, 2);
  }
}

const formatPolicyVersions = (versions: PolicyVersionView[]) =>
  versions
    .map((v) => [`v${v.version}  ${v.created_at}  ${v.created_by}`, ...(v.changes ?? []).map((c) => `    ${describePolicyChange(c)}`)].join("\n"))
    .join("\n") || "No saved versions: the default policy applies.";

/** One line per organisation: intact (with its head) or where it first breaks. */
function formatChainReports(reports: ChainReport[]): string {
  return reports
    .map((r) =>
      r.ok
        ? `${r.org_id}  intact: ${r.checked} events${r.head ? `, head #${r.head.seq} ${r.head.hash}` : ""}${r.pending ? `, ${r.pending} not sealed yet` : ""}`
        : `${r.org_id}  BROKEN at event #${r.first_broken!.seq} (${r.first_broken!.id}, ${r.first_broken!.action}, ${r.first_broken!.created_at}): ${r.first_broken!.detail}`,
    )
    .join("\n");
}

function formatBacktest(r: BacktestResult): string {
  const flips = r.flips.by_outcome.map(
    (f) =>
      `    ${f.from} → ${f.to}: ${f.count} (${Object.entries(f.amounts)
        .map(([c, v]) => money(v, c))
        .join(", ")})`,
  );
  return [
    `Replayed ${r.evaluated} intents of the last ${r.days} days in ${r.timing_ms.total} ms (current policy v${r.current_version} vs draft)`,
    `  ${r.flips.total} would flip${flips.length ? ":" : ""}`,
    ...flips,
    `  Inbox: ${r.inbox.current} → ${r.inbox.draft} intents for a person (${r.inbox.per_day_current}/day → ${r.inbox.per_day_draft}/day)`,
    `  Agents affected: ${r.agents.length}`,
    `  Replay fidelity: ${r.fidelity.matching} of ${r.fidelity.recorded} match the recorded decision`,
  ].join("\n");
}
