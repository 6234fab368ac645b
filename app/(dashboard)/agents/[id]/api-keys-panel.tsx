"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { CopyButton } from "@/components/copy-button";
import { useToast } from "@/components/toast";
import type { ApiKeyDto } from "@/lib/api-keys/list-api-keys";
import { Time } from "@/components/org-time";
import { createAgentKeyAction, revokeApiKeyAction } from "./actions";

/** The agent's API keys; a new key is shown once, here, and never again. */
export function ApiKeysPanel({ agentId, keys }: { agentId: string; keys: ApiKeyDto[] }) {
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();

  const create = () =>
    start(async () => {
      const res = await createAgentKeyAction(agentId, "");
      if (res.ok) setCreated({ key: res.data.key, name: res.data.name });
      else toast({ tone: "error", title: "Key not created", message: res.message });
    });
  const revoke = (k: ApiKeyDto) =>
    start(async () => {
      if (!window.confirm(`Revoke ${k.name} (${k.prefix}…)? Programs using it stop working at once.`)) return;
      const res = await revokeApiKeyAction(agentId, k.id);
      toast(res.ok ? { tone: "success", title: "Key revoked" } : { tone: "error", title: "Key not revoked", message: res.message });
    });

  return (
    <Card className="mt-6" aria-labelledby="keys-h">
      <CardHeader
        id="keys-h"
        title="API keys"
        description="Agent keys submit intents for this agent only. They can never approve."
        actions={
          <Button size="sm" onClick={create} disabled={pending}>
            Create key
          </Button>
        }
      />
      {created && (
        <div role="status" className="border-b border-emerald-200 bg-emerald-50 px-5 py-4 dark:border-emerald-900 dark:bg-emerald-950/40">
          <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">New key “{created.name}”. Copy it now: it will not be shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code
              data-testid="new-api-key"
              className="rounded-md bg-white px-2.5 py-1.5 font-mono text-sm break-all text-slate-900 ring-1 ring-emerald-200 dark:bg-slate-950 dark:text-slate-100 dark:ring-emerald-900"
            >
              {created.key}
            </code>
            <CopyButton value={created.key} />
            <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      )}
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {keys.length === 0 && <li className="px-5 py-4 text-sm text-slate-500 dark:text-slate-400">No keys yet.</li>}
        {keys.map((k) => (
          <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
            <div className="min-w-0">
              <p className="text-sm font-medium text-slate-900 dark:text-white">
                {k.name} <span className="ml-1 font-mono text-xs text-slate-500 dark:text-slate-400">{k.prefix}…</span>
              </p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                Created <Time at={k.created_at} /> ·{" "}
                {k.last_used_at ? (
                  <>
                    last used <Time at={k.last_used_at} />
                  </>
                ) : (
                  "never used"
                )}
              </p>
            </div>
            {k.revoked_at ? (
              <Badge tone="neutral">Revoked</Badge>
            ) : (
              <Button size="sm" variant="danger" disabled={pending} onClick={() => revoke(k)}>
                Revoke
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
