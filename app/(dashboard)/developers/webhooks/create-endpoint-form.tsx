"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { useToast } from "@/components/toast";
import { createEndpointAction } from "../actions";
import { SecretReveal } from "@/components/secret-reveal";

const input =
  "h-9 w-full rounded-lg border-0 bg-white px-3 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 dark:bg-slate-950 dark:ring-slate-700";

export function CreateEndpointForm({ events }: { events: { type: string; description: string }[] }) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<string[]>(["intent.decided", "approval.requested"]);
  const [created, setCreated] = useState<{ secret: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res = await createEndpointAction({ url, events: chosen as never, description: description || undefined });
      if (res.ok) {
        setCreated(res.data);
        setUrl("");
        setDescription("");
        setError(null);
        toast({ tone: "success", title: "Endpoint added" });
      } else setError(res.message);
    });
  };
  const toggle = (t: string) => setChosen((c) => (c.includes(t) ? c.filter((x) => x !== t) : [...c, t]));

  return (
    <Card aria-labelledby="add-endpoint-h" className="self-start">
      <CardHeader id="add-endpoint-h" title="Add an endpoint" />
      {created && (
        <SecretReveal label={`Signing secret for ${created.url}.`} value={created.secret} onDone={() => setCreated(null)} testId="new-webhook-secret" />
      )}
      <form onSubmit={submit} className="space-y-4 px-5 py-4">
        <label className="block text-xs font-medium text-slate-600 dark:text-slate-300">
          URL
          <input
            required
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            className={`${input} mt-1`}
            placeholder="https://example.com/aegis-webhooks"
          />
        </label>
        <label className="block text-xs font-medium text-slate-600 dark:text-slate-300">
          Description (optional)
          <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} className={`${input} mt-1`} />
        </label>
        <fieldset>
          <legend className="text-xs font-medium text-slate-600 dark:text-slate-300">Events</legend>
          <div className="mt-1 space-y-1.5">
            {events.map((ev) => (
              <label key={ev.type} className="flex items-start gap-2 text-sm" title={ev.description}>
                <input type="checkbox" checked={chosen.includes(ev.type)} onChange={() => toggle(ev.type)} className="mt-1 accent-brand-600" />
                <span>
                  <span className="font-mono text-xs">{ev.type}</span>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">{ev.description}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {error}
          </p>
        )}
        <Button type="submit" disabled={pending || chosen.length === 0}>
          Add endpoint
        </Button>
      </form>
    </Card>
  );
}
