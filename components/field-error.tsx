import type { ActionResult } from "@/lib/actions/action-result";

type Refusal = Extract<ActionResult<unknown>, { ok: false }>;

/** A refusal's words for one field (the server's detail for it), or null. */
export function fieldIssue(refusal: Refusal | null, ...fields: string[]): string | null {
  if (!refusal) return null;
  const d = refusal.details.find((x) => fields.includes(x.field) || fields.some((f) => x.field.startsWith(`${f}.`)));
  if (!d) return null;
  // The message is written for people; a detail is short ("at most the number of members (1)").
  return refusal.details.length === 1 ? refusal.message : d.issue.charAt(0).toUpperCase() + d.issue.slice(1);
}

/** The plain-words error under a field, tied to it for screen readers by `id`. */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-xs font-medium text-rose-700 dark:text-rose-400">
      {message}
    </p>
  );
}
