import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { listUsers } from "@/lib/users/list-users";
import { listPendingInvitations } from "@/lib/users/pending-invitations";
import { getOrganizationSummary } from "@/lib/organizations/get-organization-summary";
import { timeZoneChoices } from "@/lib/format/time-zones";
import { PeoplePanel } from "./people-panel";
import { TimeZoneForm } from "./time-zone-form";
import { SignInRulesPanel } from "./sign-in-rules-panel";
import { getSignInRules } from "@/lib/organizations/get-sign-in-rules";

export const metadata: Metadata = { title: "People & settings" };

/** Admins only: the organisation's time zone, its currency (read-only) and its people (invite, role, access, password). */
export default async function SettingsPage() {
  const { db, principal } = await requireAdminPage("People & settings");
  const [org, users, invitations, rules] = await Promise.all([
    getOrganizationSummary(db, principal),
    listUsers(db, principal.orgId),
    listPendingInvitations(db, principal),
    getSignInRules(db, principal.orgId),
  ]);
  return (
    <>
      <PageHeader title="People & settings" description={`Who works in ${org.name}, with which role, and the organisation's time zone and currency.`} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-1" aria-labelledby="tz-h">
          <CardHeader
            id="tz-h"
            title="Time zone"
            description="Every time in the dashboard is shown in it (UTC on hover), and budget days and months follow it."
          />
          <CardBody>
            <TimeZoneForm current={org.timeZone} zones={timeZoneChoices(org.timeZone)} />
          </CardBody>
          <CardHeader
            id="currency-h"
            title="Currency"
            description="Set when the organisation was created. New agents' wallets open in it, and amounts typed without a currency (filters, limits) are read in it."
          />
          <CardBody>
            <p className="text-sm text-slate-700 dark:text-slate-200">
              <span className="font-mono font-semibold text-slate-900 dark:text-white" data-testid="org-currency">
                {org.currency}
              </span>{" "}
              {new Intl.DisplayNames(["en"], { type: "currency" }).of(org.currency)}
            </p>
          </CardBody>
        </Card>
        <div className="space-y-6 lg:col-span-2">
          <PeoplePanel users={users} invitations={invitations} me={principal.userId} />
          <SignInRulesPanel rules={rules} />
        </div>
      </div>
    </>
  );
}
