import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { RAIL_PROVIDERS } from "@/components/rails/rail-providers";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { can } from "@/lib/permissions/can";
import { listRailConnections } from "@/lib/rails/list-rail-connections";
import { serializeRailConnection } from "@/lib/rails/serialize-rail";
import { getCardSettings } from "@/lib/rails/get-card-settings";
import { CardSettingsForm } from "./card-settings-form";
import { ConnectRailForm } from "./connect-rail-form";
import { RailConnectionList } from "./rail-connection-list";

export const metadata: Metadata = { title: "Payment rails" };

/**
 * Admins only: the card rails that ask AegisOS before an agent's card payment goes through.
 * A rail's secret goes in once and is never shown again; its webhook URL is what the admin pastes
 * into the rail's own dashboard.
 */
export default async function PaymentRailsPage() {
  const { db, principal } = await requireAdminPage("Payment rails");
  const connections = (await listRailConnections(db, principal.orgId)).map(serializeRailConnection);
  const canManage = can(principal, "rail.manage", { orgId: principal.orgId });
  const settings = await getCardSettings(db, principal);
  const active = connections.filter((c) => c.status === "active").map((c) => c.provider);
  return (
    <>
      <PageHeader
        title="Payment rails"
        description="Card issuers ask AegisOS in real time whether to approve each payment on your agents' cards. A payment goes through only when an approved intent of the card's agent covers it."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <RailConnectionList connections={connections} canManage={canManage} />
          <Card aria-labelledby="rail-how-h">
            <CardHeader id="rail-how-h" title="What the agent must do before it pays" />
            <CardBody className="space-y-2 text-sm text-slate-700 dark:text-slate-200">
              <p>
                Attach each card to its agent on the agent&rsquo;s page. Before paying, the agent submits an intent for the amount, in the card&rsquo;s
                currency, and waits for it to be approved. The card payment is then approved once, up to that amount; a recurring intent covers several payments
                until its amount is used up.
              </p>
              <p>
                A payment no intent covers is checked against the policy on the spot: what the policy approves on its own goes through; what needs a person is
                declined (nobody can answer within the card network&rsquo;s two seconds) and waits in the inbox, so the agent&rsquo;s next try passes once
                someone approves it.
              </p>
              <p>While a rail is connected, captures, voids and refunds come from the rail: agent keys can no longer report them.</p>
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          {canManage && <ConnectRailForm activeProviders={active} />}
          {canManage && <CardSettingsForm toleranceBps={settings.tolerance_bps} validityMinutes={settings.validity_minutes} />}
          <Card aria-labelledby="rail-steps-h">
            <CardHeader id="rail-steps-h" title="In the rail's dashboard" />
            <CardBody className="space-y-4 text-sm">
              {RAIL_PROVIDERS.map((p) => (
                <div key={p.id}>
                  <h3 className="font-medium text-slate-900 dark:text-white">{p.label}</h3>
                  <ol className="mt-1 list-decimal space-y-1 pl-5 text-slate-600 dark:text-slate-300">
                    {p.steps.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ol>
                </div>
              ))}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
