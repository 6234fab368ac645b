"use client";

import { Button } from "@/components/button";
import { SecretReveal } from "@/components/secret-reveal";

export type IssuedLink = { email: string; emailed: boolean; link: string | null; expires_in_hours: number; why: "invite" | "reset" };

/** What became of an invitation or reset: emailed, or the link itself, shown this once. */
export function LinkNotice({ link, onDone }: { link: IssuedLink; onDone: () => void }) {
  const what = link.why === "invite" ? `Invited ${link.email}.` : `Password reset for ${link.email}.`;
  const hours = link.expires_in_hours >= 48 ? `${link.expires_in_hours / 24} days` : `${link.expires_in_hours} hours`;
  if (link.link) {
    return (
      <SecretReveal label={`${what} Send them this single-use link yourself (it works for ${hours}).`} value={link.link} onDone={onDone} testId="issued-link" />
    );
  }
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-between gap-2 border-b border-emerald-200 bg-emerald-50 px-5 py-4 text-sm dark:border-emerald-900 dark:bg-emerald-950/40"
    >
      <p className="font-medium text-emerald-900 dark:text-emerald-200">
        {what} A single-use link is on its way to them by email (it works for {hours}).
      </p>
      <Button size="sm" variant="ghost" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}
