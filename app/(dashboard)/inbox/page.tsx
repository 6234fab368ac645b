import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { cn } from "@/components/cn";
import { requireSession } from "@/lib/auth/require-session";
import { can } from "@/lib/permissions/can";
import { loadInbox } from "@/lib/approvals/load-inbox";
import { InboxList } from "./inbox-list";

export const metadata: Metadata = { title: "Approval inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ sort?: string }> }) {
  const { db, principal } = await requireSession();
  const sort = (await searchParams).sort === "amount" ? "amount" : "oldest";
  const approvals = await loadInbox(db, principal, sort);
  const answering = can(principal, "approval.answer");
  return (
    <>
      <PageHeader
        title="Approval inbox"
        description={
          answering
            ? "Spend intents the policy engine sent to a person. Approve or reject each before it expires."
            : "Spend intents waiting for an approver. You have read-only access."
        }
        actions={
          <div role="group" aria-label="Sort" className="inline-flex rounded-lg bg-slate-100 p-1 text-sm dark:bg-slate-800">
            {(["oldest", "amount"] as const).map((s) => (
              <Link
                key={s}
                href={s === "oldest" ? "/inbox" : "/inbox?sort=amount"}
                aria-current={sort === s ? "true" : undefined}
                className={cn(
                  "rounded-md px-3 py-1.5 font-medium",
                  sort === s ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-white" : "text-slate-600 hover:text-slate-900 dark:text-slate-300",
                )}
              >
                {s === "oldest" ? "Oldest first" : "Largest amount"}
              </Link>
            ))}
          </div>
        }
      />
      <InboxList key={sort} initial={approvals} sort={sort} canAnswer={answering} />
    </>
  );
}
