import type { Metadata } from "next";
import { ButtonLink } from "@/components/button";
import { Card } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { requireSession } from "@/lib/auth/require-session";

export const metadata: Metadata = { title: "For admins" };

/** Where an admin-only page sends everyone else: what it is, and who can use it. */
export default async function AdminsOnlyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal } = await requireSession();
  const raw = (await searchParams).page;
  const page = typeof raw === "string" && /^[\w &,.-]{1,60}$/.test(raw) ? raw : "This page";
  return (
    <Card>
      <EmptyState title={`${page} is for admins`} icon={<span className="text-lg font-semibold">i</span>}>
        <p>
          You are signed in as {principal.role === "viewer" ? "a viewer" : "an approver"}: you can read the inbox, intents, agents and the audit log, but not
          change the organisation&rsquo;s set-up. Ask an admin if something here needs changing.
        </p>
        <ButtonLink href="/" className="mt-4">
          Back to the dashboard
        </ButtonLink>
      </EmptyState>
    </Card>
  );
}
