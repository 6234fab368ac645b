import Link from "next/link";
import { Badge, type Tone } from "@/components/badge";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/table";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";
import { Time } from "@/components/org-time";

const TONE: Record<string, Tone> = {
  intent: "blue",
  approval: "amber",
  wallet: "green",
  agent: "purple",
  policy: "orange",
  policy_change: "orange",
  api_key: "neutral",
  user: "neutral",
};

function targetHref(e: AuditEventRow, data: Record<string, unknown>): string | null {
  if (e.targetType === "intent") return `/intents/${e.targetId}`;
  if (e.targetType === "agent") return `/agents/${e.targetId}`;
  if (e.targetType === "policy" || e.targetType === "policy_change") return "/policies";
  if (typeof data.intent_id === "string") return `/intents/${data.intent_id}`;
  return null;
}

/** The target as a person reads it: an agent, person, group or key by its name; intents and approvals by their id. */
function targetLabel(e: AuditEventRow, names: ReadonlyMap<string, string>): string {
  const name = names.get(e.targetId);
  if (name) return name;
  if (e.targetType === "organization") return "organisation";
  return e.targetId.length > 24 ? `${e.targetId.slice(0, 22)}…` : e.targetId;
}

export function AuditTable({ events, names, timeZone }: { events: AuditEventRow[]; names: ReadonlyMap<string, string>; timeZone: string }) {
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
          const summary = describeAuditEvent(e, { names, timeZone }).join(" · ");
          const actor = (e.actorId && names.get(e.actorId)) || e.actorLabel;
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
                {summary && <p className="mt-1 max-w-md text-xs text-slate-600 dark:text-slate-300">{summary}</p>}
              </Td>
              {/* Long emails and names wrap inside the cell rather than push the table past the page. */}
              <Td className="max-w-[16rem] wrap-anywhere">
                <span className="text-slate-800 dark:text-slate-100" title={e.actorLabel}>
                  {actor}
                </span>
                {e.actorType !== actor && <span className="ml-1.5 text-xs text-slate-500 dark:text-slate-400">{e.actorType}</span>}
              </Td>
              <Td className="max-w-[16rem] text-sm wrap-anywhere">
                <span className="mr-1.5 text-xs text-slate-500 dark:text-slate-400">{e.targetType.replace(/_/g, " ")}</span>
                {href ? (
                  <Link href={href} title={e.targetId} className="text-brand-700 hover:underline dark:text-brand-300">
                    {targetLabel(e, names)}
                  </Link>
                ) : (
                  <span title={e.targetId}>{targetLabel(e, names)}</span>
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
