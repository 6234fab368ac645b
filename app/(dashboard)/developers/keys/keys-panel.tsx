"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { useToast } from "@/components/toast";
import type { ApiKeyDto } from "@/lib/api-keys/list-api-keys";
import { createKeyAction, revokeKeyAction } from "../actions";
import { SecretReveal } from "@/components/secret-reveal";
import { Time } from "@/components/org-time";

type Row = ApiKeyDto & { owner: { label: string; href: string | null } };
const input =
  "h-9 rounded-lg border-0 bg-white px-3 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 dark:bg-slate-950 dark:ring-slate-700";

export function KeysPanel({ keys, agents }: { keys: Row[]; agents: { id: string; name: string }[] }) {
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [owner, setOwner] = useState("me");
  const [name, setName] = useState("");
  const [pending, start] = useTransition();
  const toast = useToast();

  const create = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res = await createKeyAction({ owner, name });
      if (res.ok) {
        setCreated(res.data);
        setName("");
      } else toast({ tone: "error", title: "Key not created", message: res.message });
    });
  };
  const revoke = (k: Row) =>
    start(async () => {
      if (!window.confirm(`Revoke ${k.name} (${k.prefix}…)? Programs using it stop working at once.`)) return;
      const res = await revokeKeyAction(k.id);
      toast(res.ok ? { tone: "success", title: "Key revoked" } : { tone: "error", title: "Key not revoked", message: res.message });
    });

  return (
    <Card aria-labelledby="keys-h">
      <CardHeader id="keys-h" title="Keys of the organisation" />
      <form onSubmit={create} className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-4 dark:border-slate-800">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300">
          For
          <select value={owner} onChange={(e) => setOwner(e.target.value)} className={input} aria-label="Key for">
            <option value="me">Me (user key, admin role)</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                Agent: {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300">
          Name (optional)
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} className={input} placeholder="CI deploy key" />
        </label>
        <Button type="submit" size="md" disabled={pending}>
          Create key
        </Button>
      </form>
      {created && <SecretReveal label={`New key “${created.name}”.`} value={created.key} onDone={() => setCreated(null)} testId="new-api-key" />}
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {keys.length === 0 && <li className="px-5 py-4 text-sm text-slate-500 dark:text-slate-400">No keys yet.</li>}
        {keys.map((k) => (
          <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3" data-testid="api-key-row">
            <div className="min-w-0">
              <p className="text-sm font-medium text-slate-900 dark:text-white">
                {k.name} <span className="ml-1 font-mono text-xs text-slate-500 dark:text-slate-400">{k.prefix}…</span>
                <Badge tone={k.kind === "agent" ? "purple" : "blue"} className="ml-2">
                  {k.kind}
                </Badge>
              </p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                {k.owner.href ? (
                  <Link href={k.owner.href} className="hover:underline">
                    {k.owner.label}
                  </Link>
                ) : (
                  k.owner.label
                )}{" "}
                · created <Time at={k.created_at} /> ·{" "}
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
