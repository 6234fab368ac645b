import type { Metadata } from "next";
import { requireDeveloper } from "../../require-developer";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { Card, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoint";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { EndpointControls, ReplayButton } from "./endpoint-controls";
import { Time } from "@/components/org-time";

export const metadata: Metadata = { title: "Webhook endpoint" };

const TONE = { succeeded: "green", failed: "red", pending: "amber" } as const;

export default async function EndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db, principal } = await requireDeveloper();
  const endpoint = await getWebhookEndpoint(db, principal, principal.orgId, id).catch(() => null);
  if (!endpoint) notFound();
  const { data: deliveries } = await listWebhookDeliveries(db, principal, principal.orgId, id, { limit: 50 });
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/developers/webhooks" className="hover:underline">
            Webhooks
          </Link>
        }
        title={endpoint.url}
        description={`${endpoint.events.join(", ")}${endpoint.description ? ` · ${endpoint.description}` : ""}`}
        actions={
          <Badge tone={endpoint.status === "enabled" ? "green" : "red"} dot>
            {endpoint.status === "enabled" ? "Enabled" : "Disabled"}
          </Badge>
        }
      />
      {endpoint.status === "disabled" && (
        <div
          role="alert"
          className="mb-4 rounded-xl border border-rose-200 bg-rose-50 px-5 py-3 text-sm text-rose-900 dark:border-rose-900 dark:bg-rose-950/40 dark:text-rose-200"
        >
          Disabled {endpoint.disabled_at ? <Time at={endpoint.disabled_at} /> : ""}: {endpoint.disabled_reason}. Nothing is sent until you enable it; failed
          deliveries can then be replayed.
        </div>
      )}
      <EndpointControls id={endpoint.id} status={endpoint.status} previousSecretExpiresAt={endpoint.previous_secret_expires_at} />
      <Card aria-labelledby="deliveries-h" className="mt-6">
        <CardHeader
          id="deliveries-h"
          title="Deliveries"
          description="Newest first, each with every attempt: HTTP status, time taken and the start of the answer."
        />
        {deliveries.length === 0 ? (
          <EmptyState title="No deliveries yet">Events this endpoint subscribed to appear here as they are sent.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="delivery-log">
            {deliveries.map((d) => (
              <li key={d.id} className="px-5 py-3" data-testid="delivery-row">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div className="flex min-w-0 flex-wrap items-center gap-2">
                    <Badge tone={TONE[d.status]}>{d.status}</Badge>
                    <span className="font-mono text-sm">{d.event.type}</span>
                    <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{d.event.id}</span>
                  </div>
                  <div className="flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400">
                    <Time at={d.created_at} />
                    {d.status === "pending" && d.next_attempt_at && (
                      <span>
                        next try <Time at={d.next_attempt_at} />
                      </span>
                    )}
                    <ReplayButton endpointId={endpoint.id} deliveryId={d.id} disabled={endpoint.status !== "enabled"} />
                  </div>
                </div>
                {d.attempts.length > 0 && (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-300">
                      {d.attempts.length} attempt{d.attempts.length === 1 ? "" : "s"}
                    </summary>
                    <table className="mt-2 w-full text-left text-xs">
                      <thead className="text-slate-500 dark:text-slate-400">
                        <tr>
                          <th className="py-1 pr-3 font-medium">When</th>
                          <th className="py-1 pr-3 font-medium">Status</th>
                          <th className="py-1 pr-3 font-medium">Latency</th>
                          <th className="py-1 font-medium">Answer</th>
                        </tr>
                      </thead>
                      <tbody>
                        {d.attempts.map((a) => (
                          <tr key={a.id} className="align-top" data-testid="attempt-row">
                            <td className="py-1 pr-3 whitespace-nowrap">
                              <Time at={a.attempted_at} />
                            </td>
                            <td className={a.succeeded ? "py-1 pr-3 text-emerald-700 dark:text-emerald-300" : "py-1 pr-3 text-rose-700 dark:text-rose-300"}>
                              {a.status_code ?? a.error}
                            </td>
                            <td className="py-1 pr-3 whitespace-nowrap">{a.latency_ms} ms</td>
                            <td className="py-1 font-mono break-all">{a.response_excerpt.slice(0, 200) || "—"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
