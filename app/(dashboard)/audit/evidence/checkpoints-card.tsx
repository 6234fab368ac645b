import { Badge, type Tone } from "@/components/badge";
import { Card, CardBody, CardHeader } from "@/components/card";
import { Fact } from "@/components/fact";
import { Time } from "@/components/org-time";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/table";
import type { AuditCheckpointView, AuditSigningKeyView } from "@/lib/audit/serialize-audit-checkpoint";

const KIND: Record<string, { label: string; tone: Tone }> = {
  periodic: { label: "Periodic", tone: "neutral" },
  export: { label: "Export", tone: "blue" },
  rotation: { label: "Key rotation", tone: "purple" },
  tombstone: { label: "Purge tombstone", tone: "amber" },
};

/** Whole years as the retention form sets them (365.25 days each: 7 years is 2,557 days), else days. */
export const retentionYears = (days: number) => {
  const y = Math.round(days / 365.25);
  return y > 0 && Math.round(y * 365.25) === days ? y : null;
};
const years = (days: number) => {
  const y = retentionYears(days);
  return y === null ? `${days} days` : `${y} year${y === 1 ? "" : "s"}`;
};

/**
 * Signed checkpoints (the chain's head as the organisation's key vouched for it) with their RFC 3161
 * time when a TSA vouched for them, the keys, and the retention. Read-only; `controls` (admins) sit
 * under the facts.
 */
export function CheckpointsCard({
  checkpoints,
  keys,
  retentionDays,
  controls,
}: {
  checkpoints: AuditCheckpointView[];
  keys: AuditSigningKeyView[];
  retentionDays: number;
  controls?: React.ReactNode;
}) {
  return (
    <Card aria-labelledby="checkpoints-h" className="mt-6">
      <CardHeader
        id="checkpoints-h"
        title="Signed checkpoints"
        description="Every 10,000 events or 10 minutes, and at each export, the organisation's Ed25519 key signs the chain's head. Each checkpoint is also sent as the audit.checkpoint webhook and in admins' daily digest, so deleting or rewriting events it covers is caught outside this database."
      />
      <CardBody>
        <dl className="mb-4 grid gap-3 text-sm sm:grid-cols-3">
          <Fact label="Retention">
            {years(retentionDays)} <span className="font-normal text-slate-500 dark:text-slate-400">({retentionDays.toLocaleString("en-IN")} days)</span>
          </Fact>
          <Fact label="Signing key">
            <code className="font-mono text-xs">{keys.find((k) => !k.valid_until)?.id ?? "made with the first checkpoint"}</code>
          </Fact>
          <Fact label="Retired keys (kept to verify)">{keys.filter((k) => k.valid_until).length}</Fact>
        </dl>
        {controls}
        {checkpoints.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No checkpoint yet: the first is signed once events are sealed and 10 minutes have passed, or when someone exports the evidence.
          </p>
        ) : (
          <Table label="Signed checkpoints">
            <THead>
              <Th>Signed</Th>
              <Th>Kind</Th>
              <Th align="right">Covers events to</Th>
              <Th className="hidden md:table-cell">Head hash</Th>
              <Th className="hidden 2xl:table-cell">Key</Th>
              <Th>RFC 3161 time</Th>
            </THead>
            <TBody>
              {checkpoints.map((c) => (
                <Tr key={c.id}>
                  <Td className="whitespace-nowrap text-slate-600 dark:text-slate-300">
                    <Time at={c.created_at} />
                  </Td>
                  <Td>
                    <Badge tone={KIND[c.kind]?.tone ?? "neutral"}>{KIND[c.kind]?.label ?? c.kind}</Badge>
                  </Td>
                  <Td align="right" className="tabular">
                    #{Number(c.seq).toLocaleString("en-IN")}
                  </Td>
                  <Td className="hidden md:table-cell">
                    <code className="font-mono text-xs text-slate-600 dark:text-slate-300" title={c.hash}>
                      {c.hash.slice(0, 16)}…
                    </code>
                  </Td>
                  <Td className="hidden 2xl:table-cell">
                    <code className="font-mono text-xs text-slate-600 dark:text-slate-300">{c.key_id}</code>
                  </Td>
                  <Td className="whitespace-nowrap text-slate-600 dark:text-slate-300">
                    {c.timestamp?.time ? (
                      <span title="The time the timestamp authority vouched for in its signed token">
                        <Time at={c.timestamp.time} />
                      </span>
                    ) : c.timestamp_state === "waiting" ? (
                      <span
                        className="block max-w-xs whitespace-normal text-amber-700 dark:text-amber-300"
                        title={c.timestamp_error ?? undefined}
                        data-testid="tsa-waiting"
                      >
                        Asking the authority{c.timestamp_error ? ` (last try: ${c.timestamp_error})` : "…"}
                      </span>
                    ) : c.timestamp_state === "failed" ? (
                      <span className="block max-w-xs whitespace-normal text-red-700 dark:text-red-300" data-testid="tsa-failed">
                        Not stamped: {c.timestamp_error ?? "the authority did not answer"}
                      </span>
                    ) : (
                      <span className="text-slate-500 dark:text-slate-400" title="No timestamp authority (AEGIS_TSA_URL) was set when it was signed">
                        —
                      </span>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-900 dark:text-white">Signing keys</h3>
        <Table label="Signing keys">
          <THead>
            <Th>Key</Th>
            <Th>Signs from</Th>
            <Th>Until</Th>
          </THead>
          <TBody>
            {keys.map((k) => (
              <Tr key={k.id}>
                <Td>
                  <code className="font-mono text-xs">{k.id}</code>
                </Td>
                <Td className="whitespace-nowrap text-slate-600 dark:text-slate-300">
                  <Time at={k.valid_from} />
                </Td>
                <Td className="whitespace-nowrap text-slate-600 dark:text-slate-300">
                  {k.valid_until ? <Time at={k.valid_until} /> : <Badge tone="green">Active</Badge>}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">
          Audit log → <strong>Export evidence</strong> downloads events, checkpoints and public keys in one file; an auditor checks it offline with{" "}
          <code className="font-mono">npx aegis-audit-verify FILE</code> (sdk/audit-verify).
        </p>
      </CardBody>
    </Card>
  );
}
