"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { fieldClass, fieldLabelClass } from "@/components/form-fields";
import { Time } from "@/components/org-time";
import { useToast } from "@/components/toast";
import type { AuditPurgePreview } from "@/lib/audit/preview-audit-purge";
import { purgeAuditEventsAction, rotateSigningKeyAction, setRetentionAction } from "./actions";

/** The retention form counts whole years of 365.25 days, so 7 years is the default's 2,557 days. */
const daysFor = (years: number) => Math.round(years * 365.25);
const plural = (n: number, one: string) => `${n.toLocaleString("en-IN")} ${one}${n === 1 ? "" : "s"}`;

type Props = {
  activeKeyId: string | null;
  retentionDays: number;
  /** Whole years when the retention is a whole number of them, for the form's starting value. */
  retentionYears: number | null;
  /** Null when this admin may not purge (each control is shown only with its own right). */
  purge: AuditPurgePreview | null;
  can: { rotate: boolean; retention: boolean };
};

type Dialog = null | "rotate" | "retention" | "purge";

/**
 * Admins' controls for the audit evidence: rotate the signing key, set the retention, purge what is
 * past it. Each asks first in a dialog that says what will happen; the verbs record each in the log.
 */
export function EvidenceControls({ activeKeyId, retentionDays, retentionYears, purge, can }: Props) {
  const [pending, start] = useTransition();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [years, setYears] = useState(String(retentionYears ?? 7));
  const toast = useToast();
  const yearsId = useId();
  const y = Number(years);
  const validYears = Number.isInteger(y) && y >= 1 && y <= 100;
  const newDays = validYears ? daysFor(y) : retentionDays;

  const run = (work: () => Promise<void>) =>
    start(async () => {
      await work();
      setDialog(null);
    });

  return (
    <div role="group" aria-label="Evidence controls" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-slate-50 p-3 dark:bg-slate-800/50">
      {can.rotate && (
        <Button variant="secondary" disabled={pending} onClick={() => setDialog("rotate")}>
          Rotate signing key
        </Button>
      )}
      {can.retention && (
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (validYears) setDialog("retention");
          }}
        >
          <div>
            <label htmlFor={yearsId} className={fieldLabelClass}>
              Retention (years)
            </label>
            <input
              id={yearsId}
              type="number"
              min={1}
              max={100}
              step={1}
              required
              value={years}
              onChange={(e) => setYears(e.target.value)}
              className={`${fieldClass} w-24`}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={pending || !validYears || newDays === retentionDays}>
            Set retention
          </Button>
        </form>
      )}
      {purge && (
        <div className="flex items-center gap-2">
          <Button variant="danger" disabled={pending || purge.events === 0} onClick={() => setDialog("purge")}>
            Purge old events
          </Button>
          {purge.events === 0 && <span className="text-xs text-slate-500 dark:text-slate-400">No event is older than the retention.</span>}
        </div>
      )}

      <ConfirmDialog
        open={dialog === "rotate"}
        title="Rotate the audit signing key?"
        confirmLabel="Rotate key"
        tone="primary"
        busy={pending}
        onCancel={() => setDialog(null)}
        onConfirm={() =>
          run(async () => {
            const res = await rotateSigningKeyAction();
            if (!res.ok) toast({ tone: "error", title: "Key not rotated", message: res.message });
            else toast({ tone: "success", title: "Signing key rotated", message: `New key ${res.data.keyId}; rotation checkpoint ${res.data.checkpointId}.` });
          })
        }
      >
        <p>
          The current key{activeKeyId ? <code className="mx-1 font-mono text-xs">{activeKeyId}</code> : " "}signs a last rotation checkpoint that names its
          successor, then is retired: its private half is erased and its public half kept, so everything it signed still verifies.
        </p>
        <p>New checkpoints are signed by the new key. The rotation is recorded in the audit log.</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === "retention"}
        title={`Keep audit events for ${plural(y, "year")}?`}
        confirmLabel="Set retention"
        tone="primary"
        busy={pending}
        onCancel={() => setDialog(null)}
        onConfirm={() =>
          run(async () => {
            const res = await setRetentionAction(newDays);
            if (!res.ok) toast({ tone: "error", title: "Retention not changed", message: res.message });
            else toast({ tone: "success", title: "Retention set", message: `Audit events are kept ${plural(res.data.days, "day")}.` });
          })
        }
      >
        <p>
          Events are kept {plural(newDays, "day")} (now {plural(retentionDays, "day")}).
          {newDays < retentionDays ? " Events older than that can then be purged, for good." : " Nothing is deleted by this change."}
        </p>
        <p>The change is recorded in the audit log.</p>
      </ConfirmDialog>

      {purge && purge.events > 0 && (
        <ConfirmDialog
          open={dialog === "purge"}
          title={`Purge ${plural(purge.events, "audit event")}?`}
          confirmLabel={`Purge ${plural(purge.events, "event")}`}
          busy={pending}
          onCancel={() => setDialog(null)}
          onConfirm={() =>
            run(async () => {
              const res = await purgeAuditEventsAction();
              if (!res.ok) toast({ tone: "error", title: "Nothing purged", message: res.message });
              else
                toast({
                  tone: "success",
                  title: `Purged ${plural(res.data.purged, "event")}`,
                  message: res.data.tombstoneId ? `Tombstone checkpoint ${res.data.tombstoneId} records the purge.` : "An earlier tombstone covered them.",
                });
            })
          }
        >
          <p>
            Events #{Number(purge.from_seq).toLocaleString("en-IN")}–#{Number(purge.through_seq).toLocaleString("en-IN")}, made before{" "}
            <Time at={purge.purged_before} /> (older than the retention), are deleted for good.
          </p>
          <p>
            First a signed <strong>tombstone checkpoint</strong> records the purge: the last purged event&apos;s number and hash, so the rest of the chain still
            verifies and every export says where it starts. The purge is recorded in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
