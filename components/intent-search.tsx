"use client";

import { useEffect, useRef } from "react";

/** "Go to an intent" from any page: an intent or approval id opens it; "/" focuses the box. */
export function IntentSearch({ className }: { className?: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== "/" || e.metaKey || e.ctrlKey || (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName)))) return;
      e.preventDefault();
      ref.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <form method="get" action="/go" role="search" aria-label="Go to an intent" className={className}>
      <label htmlFor="intent-search" className="sr-only">
        Intent or approval id
      </label>
      <input
        ref={ref}
        id="intent-search"
        name="q"
        placeholder="Go to int_… (press /)"
        autoComplete="off"
        spellCheck={false}
        className="h-8 w-full rounded-lg border-0 bg-slate-100 px-3 font-mono text-xs text-slate-900 ring-1 ring-inset ring-slate-200 placeholder:font-sans placeholder:text-slate-500 focus:bg-white focus:ring-2 focus:ring-brand-500 dark:bg-slate-800 dark:text-white dark:ring-slate-700 dark:placeholder:text-slate-400"
      />
    </form>
  );
}
