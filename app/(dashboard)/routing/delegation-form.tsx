"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { fieldClass as field, fieldLabelClass as label } from "@/components/form-fields";
import { useToast } from "@/components/toast";
import { createDelegationAction } from "./actions";

type Person = { id: string; email: string; name: string };

/** "I'm away": the browser's local date-times are sent as absolute instants. */
export function DelegationForm({ people, me, canChooseFrom }: { people: Person[]; me: string; canChooseFrom: boolean }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  if (!open)
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Set out of office
      </Button>
    );
  const instant = (v: FormDataEntryValue | null) => {
    const d = new Date(String(v ?? ""));
    return Number.isNaN(d.getTime()) ? "" : d.toISOString();
  };
  return (
    <form
      aria-label="Set out of office"
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const from = String(f.get("from") ?? "");
        start(async () => {
          const res = await createDelegationAction({
            ...(from && from !== me ? { from_user: from } : {}),
            to_user: String(f.get("to") ?? ""),
            starts_at: instant(f.get("starts")),
            ends_at: instant(f.get("ends")),
          });
          if (!res.ok) return setError(res.details.length ? `${res.message} (${res.details.map((d) => d.issue).join("; ")})` : res.message);
          setError(null);
          setOpen(false);
          toast({ tone: "success", title: "Delegation set", message: `${res.data} answers in the meantime` });
        });
      }}
    >
      {canChooseFrom && (
        <div>
          <label className={label} htmlFor="dlg-from">
            Who is away
          </label>
          <select id="dlg-from" name="from" className={field} defaultValue={me}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name || p.email}
                {p.id === me ? " (me)" : ""}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label className={label} htmlFor="dlg-to">
          Delegate to
        </label>
        <select id="dlg-to" name="to" required className={field} defaultValue="">
          <option value="" disabled>
            Choose a colleague
          </option>
          {people
            .filter((p) => p.id !== me || canChooseFrom)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name || p.email}
              </option>
            ))}
        </select>
      </div>
      <div>
        <label className={label} htmlFor="dlg-starts">
          From
        </label>
        <input id="dlg-starts" name="starts" type="datetime-local" required className={field} />
      </div>
      <div>
        <label className={label} htmlFor="dlg-ends">
          Until
        </label>
        <input id="dlg-ends" name="ends" type="datetime-local" required className={field} />
      </div>
      {error && (
        <p role="alert" className="text-sm text-rose-600 sm:col-span-2 dark:text-rose-400">
          {error}
        </p>
      )}
      <div className="flex gap-2 sm:col-span-2">
        <Button size="sm" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save delegation"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
