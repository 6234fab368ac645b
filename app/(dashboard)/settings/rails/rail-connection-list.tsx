"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { EmptyState } from "@/components/empty-state";
import { Time } from "@/components/org-time";
import { CopyField } from "@/components/rails/copy-field";
import { railLabel } from "@/components/rails/rail-providers";
import { useToast } from "@/components/toast";
import type { RailConnectionDto } from "@/lib/rails/rail-schemas";
import { disconnectRailAction } from "./actions";

/** The organisation's rail connections: active ones with their webhook URL, disconnected ones kept for the record. */
export function RailConnectionList({ connections, canManage }: { connections: RailConnectionDto[]; canManage: boolean }) {
  const [confirming, setConfirming] = useState<RailConnectionDto | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();

  const disconnect = (c: RailConnectionDto) =>
    start(async () => {
      const res = await disconnectRailAction(c.id);
      setConfirming(null);
      toast(res.ok ? { tone: "success", title: `${railLabel(c.provider)} disconnected` } : { tone: "error", title: "Not disconnected", message: res.message });
    });

  return (
    <Card aria-labelledby="rails-h">
      <CardHeader id="rails-h" title="Connections" description="One connection per rail. Each has its own webhook URL; its secret is never shown again." />
      {connections.length === 0 ? (
        <EmptyState title="No rail connected" icon={<span className="text-lg font-semibold">$</span>}>
          Until a rail is connected, agents report their own captures and voids, and no card asks AegisOS before it pays.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {connections.map((c) => (
            <li key={c.id} data-testid="rail-connection" data-provider={c.provider} className="space-y-3 px-5 py-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900 dark:text-white">
                    {railLabel(c.provider)}
                    {c.status === "active" ? (
                      <Badge tone="green" dot>
                        Active
                      </Badge>
                    ) : (
                      <Badge tone="neutral">Disconnected</Badge>
                    )}
                  </p>
                  <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
                    Connected <Time at={c.created_at} /> by {c.created_by} ·{" "}
                    {c.last_event_at ? (
                      <>
                        last heard from <Time at={c.last_event_at} />
                      </>
                    ) : (
                      "no requests yet"
                    )}
                  </p>
                </div>
                {canManage && c.status === "active" && (
                  <Button size="sm" variant="danger" disabled={pending} onClick={() => setConfirming(c)}>
                    Disconnect…
                  </Button>
                )}
              </div>
              {c.status === "active" && <CopyField label="Webhook URL" value={c.webhook_url} testId="rail-webhook-url" />}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? `Disconnect ${railLabel(confirming.provider)}?` : "Disconnect?"}
        confirmLabel="Disconnect"
        busy={pending}
        onConfirm={() => confirming && disconnect(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <p>
          AegisOS stops answering this rail at once: the rail then treats every payment on your agents&rsquo; cards as unanswered and applies its own default (a
          decline, unless you changed it there). Connecting again gives a new webhook URL.
        </p>
        <p>Once no rail is connected, agents report their own captures and voids again.</p>
      </ConfirmDialog>
    </Card>
  );
}
