"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/cn";

const TABS = [
  { href: "/settings", label: "People & settings" },
  { href: "/settings/rails", label: "Payment rails" },
];

/** The settings pages' tabs; only the exact page is current (/settings is a prefix of the others). */
export function SettingsTabs() {
  const path = usePathname();
  return (
    <nav aria-label="Settings" className="mb-6 border-b border-slate-200 pb-2 dark:border-slate-800">
      <ul className="flex gap-0.5 overflow-x-auto">
        {TABS.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={path === t.href ? "page" : undefined}
              className={cn(
                "flex items-center rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                path === t.href
                  ? "bg-brand-50 text-brand-700 dark:bg-brand-500/15 dark:text-brand-300"
                  : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white",
              )}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
