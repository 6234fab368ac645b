import type { Metadata } from "next";
import { requireDeveloper } from "../require-developer";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { Card, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/webhook-event-types";
import { CreateEndpointForm } from "./create-endpoint-form";
import { Time } from "@/components/org-time";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { db, principal } = await requireDeveloper();
  const { data: endpoints } = await listWebhookEndpoints(db, principal, principal.orgId);
  const disabled = endpoints.filter((e) => e.status === "disabled" && e.disabled_reason !== "Disabled by an admin");
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Events are POSTed to your endpoints, signed per Standard Webhooks. Delivery is at least once: the same webhook-id may arrive twice, so process it idempotently."
      />
      {disabled.map((e) => (
        <div
          key={e.id}
          role="alert"
          className="mb-4 rounded-xl border border-rose-200 bg-rose-50 px-5 py-3 text-sm text-rose-900 dark:border-rose-900 dark:bg-rose-950/40 dark:text-rose-200"
        >
          <strong>{e.url}</strong> was disabled {e.disabled_at ? <Time at={e.disabled_at} /> : ""}: {e.disabled_reason}.{" "}
          <Link href={`/developers/webhooks/${e.id}`} className="font-medium underline">
            Review and enable it
          </Link>
        </div>
      ))}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card aria-labelledby="endpoints-h">
          <CardHeader id="endpoints-h" title="Endpoints" />
          {endpoints.length === 0 ? (
            <EmptyState title="No endpoints yet">Add one to hear about decisions and approvals as they happen.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {endpoints.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3" data-testid="endpoint-row">
                  <div className="min-w-0">
                    <Link
                      href={`/developers/webhooks/${e.id}`}
                      className="font-mono text-sm font-medium break-all text-brand-700 hover:underline dark:text-brand-300"
                    >
                      {e.url}
                    </Link>
                    <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
                      {e.events.join(", ")}
                      {e.description ? ` · ${e.description}` : ""}
                    </p>
                  </div>
                  <Badge tone={e.status === "enabled" ? (e.failing_since ? "amber" : "green") : "red"} dot>
                    {e.status === "enabled" ? (e.failing_since ? "Failing" : "Enabled") : "Disabled"}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <CreateEndpointForm events={WEBHOOK_EVENT_TYPES.map((t) => ({ type: t, description: WEBHOOK_EVENT_DESCRIPTIONS[t] }))} />
      </div>
    </>
  );
}
