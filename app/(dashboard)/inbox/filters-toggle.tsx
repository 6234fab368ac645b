"use client";

import { useState } from "react";
import { cn } from "@/components/cn";

/** The filter chips, folded behind one button on a phone so the first approval is on the first screen. */
export function FiltersToggle({ active, children }: { active: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="mb-3">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="mb-2 inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 sm:hidden dark:text-slate-200 dark:ring-slate-700"
      >
        Filters{active > 0 ? ` (${active})` : ""} <span aria-hidden>{open ? "▴" : "▾"}</span>
      </button>
      <div className={cn(open ? "block" : "hidden", "sm:block")}>{children}</div>
    </div>
  );
}
