"use client";

import { Button } from "@/components/button";

export type IssuedLink = { email: string; emailed: boolean; link: string | null; expires_in_hours: number; why: "invite" | "reset" };

/** What became of an invitation or reset: emailed, or the link itself, shown this once. */
export function LinkNotice({ link, onDone }: { link: IssuedLink; onDone: () => void }) {
  const what = link.why === "invite" ? `Invited ${link.email}` : `Password reset for ${link.email}`;
  const hours = link.expires_in_hours >= 48 ? `${link.expires_in_hours / 24} days` : `${link.expires_in_hours} hours`;
  return (
    <div role="status" className="border-b border-emerald-200 bg-emerald-50 px-5 py-4 text-sm dark:border-emerald-900 dark:bg-emerald-950/40">
      <p className="font-medium text-emerald-900 dark:text-emerald-200">
        {what}.{" "}
        {link.emailed
          ? `A single-use link is on its way to them by email (it works for ${hours}).`
          : `Send them this single-use link yourself (shown once; it works for ${hours}):`}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {link.link && (
          <code
            data-testid="issued-link"
            className="max-w-full break-all rounded-md bg-white px-2.5 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-emerald-200 dark:bg-slate-950 dark:text-slate-100 dark:ring-emerald-900"
          >
            {link.link}
          </code>
        )}
        {link.link && (
          <Button size="sm" variant="secondary" onClick={() => void navigator.clipboard?.writeText(link.link!)}>
            Copy
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
