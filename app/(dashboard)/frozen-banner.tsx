import Link from "next/link";
import { Time } from "@/components/org-time";

/** On every page while the kill switch is on, so nobody wonders why everything is denied. */
export function FrozenBanner({ since, by, reason }: { since: Date; by: string | null; reason: string | null }) {
  return (
    <div
      role="alert"
      data-testid="frozen-banner"
      className="mb-6 rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100"
    >
      <p className="font-semibold">All spending is frozen</p>
      <p className="mt-0.5">
        Since <Time at={since} />
        {by ? ` by ${by}` : ""}
        {reason ? ` — ${reason}` : ""}. New intents are denied and approvals cannot be given until an admin lifts the freeze on the{" "}
        <Link href="/agents" className="font-medium underline">
          Agents
        </Link>{" "}
        page.
      </p>
    </div>
  );
}
