import Link from "next/link";
import { Badge, type Tone } from "@/components/badge";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/table";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";
import { formatMoney } from "@/lib/format/money";
import { Time } from "@/components/org-time";

const TONE: Record<string, Tone> = {
  intent: "blue",
  approval: "amber",
  wallet: "green",
  agent: "purple",
  policy: "orange",
  api_key: "neutral",
  user: "neutral",
};

function targetHref(e: AuditEventRow, data: Record<string, unknown>): string | null {
  if (e.targetType === "intent") return `/intents/${e.targetId}`;
  if (e.targetType === "agent") return `/agents/${e.targetId}`;
  if (e.targetType === "policy") return "/policies";
  if (typeof data.intent_id === "string") return `/intents/${data.intent_id}`;
  return null;
}

/** A one-line reading of the event's data: money formatted, the rest as key: value. */
function summary(data: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof data.amount === "number" && typeof data.currency === "string") parts.push(formatMoney(data.amount, data.currency));
  for (const [k, v] of Object.entries(data)) {
    if (["amount", "currency", "intent_id", "previous", "document"].includes(k) || v === null || typeof v === "object") continue;
    parts.push(`${k.replace(/_/g, " ")}: ${String(v)}`);
  }
  return parts.join(" · ");
}

export function AuditTable({ events }: { events: AuditEventRow[] }) {
  return (
    <Table label="Audit events">
      <THead>
        <Th className="hidden sm:table-cell">Time</Th>
        <Th>Action</Th>
        <Th>Actor</Th>
        <Th>Target</Th>
      </THead>
      <TBody>
        {events.map((e) => {
          const data = (e.data ?? {}) as Record<string, unknown>;
          const href = targetHref(e, data);
          return (
            <Tr key={e.id}>
              <Td className="hidden whitespace-nowrap align-top text-slate-500 sm:table-cell dark:text-slate-400">
                <Time at={e.createdAt} />
              </Td>
              <Td className="min-w-[14rem]">
                <Badge tone={TONE[e.action.split(".")[0]] ?? "neutral"}>{e.action}</Badge>
                <p className="mt-1 text-xs text-slate-500 sm:hidden dark:text-slate-400">
                  <Time at={e.createdAt} />
                </p>
                {summary(data) && <p className="mt-1 max-w-sm text-xs text-slate-500 dark:text-slate-400">{summary(data)}</p>}
              </Td>
              <Td className="whitespace-nowrap">
                <span className="text-slate-800 dark:text-slate-100">{e.actorLabel}</span>
                <span className="ml-1.5 text-xs text-slate-500 dark:text-slate-400">{e.actorType}</span>
              </Td>
              <Td className="whitespace-nowrap font-mono text-xs">
                {href ? (
                  <Link href={href} className="text-brand-700 hover:underline dark:text-brand-300">
                    {e.targetType}:{e.targetId.slice(0, 16)}
                  </Link>
                ) : (
                  `${e.targetType}:${e.targetId.slice(0, 16)}`
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
