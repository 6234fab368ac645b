import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { requireSession } from "@/lib/auth/require-session";
import { listSecondFactors } from "@/lib/second-factors/list-second-factors";
import { AccountPassword } from "./account-password";
import { SecondFactorsPanel } from "./second-factors-panel";

export const metadata: Metadata = { title: "Account" };

/** Everyone's own sign-in: their password, passkeys, authenticator app and recovery codes. */
export default async function AccountPage() {
  const { db, principal } = await requireSession();
  const factors = await listSecondFactors(db, principal);
  return (
    <>
      <PageHeader title="Account" description={`How ${principal.email} signs in, and confirms large approvals.`} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-1" aria-labelledby="password-h">
          <CardHeader
            id="password-h"
            title="Password"
            description={
              factors.singleSignOn && !factors.hasPassword
                ? "You sign in through your organisation's single sign-on."
                : "Changing it signs you out everywhere else."
            }
          />
          <CardBody>{factors.hasPassword ? <AccountPassword /> : <p className="text-sm text-slate-600 dark:text-slate-300">No password is set.</p>}</CardBody>
        </Card>
        <div className="lg:col-span-2">
          <SecondFactorsPanel factors={factors} />
        </div>
      </div>
    </>
  );
}
