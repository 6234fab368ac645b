import type { InboxItem } from "@/lib/approvals/inbox-items";

/** "Rohan Mehta approved: 'Budgeted in Q4'" for each answer so far. */
export function ResponsesLine({ responses }: { responses: InboxItem["responses"] }) {
  if (responses.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5" aria-label="Answers so far">
      {responses.map((r) => (
        <li key={r.email} className="text-slate-600 dark:text-slate-300">
          <span className="font-medium text-slate-800 dark:text-slate-100">{r.name}</span> {r.decision === "approve" ? "approved" : "rejected"}
          {r.comment ? <>: &ldquo;{r.comment}&rdquo;</> : ""}
        </li>
      ))}
    </ul>
  );
}
