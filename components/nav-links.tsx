"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "./cn";
import { InboxCountBadge } from "./inbox-count";

const ICONS: Record<string, string> = {
  inbox: "M3 13h4l2 3h6l2-3h4M5 5h14l2 8v6H3v-6l2-8z",
  intents: "M4 6h16M4 12h16M4 18h10",
  agents: "M12 3a4 4 0 110 8 4 4 0 010-8zM4 21c0-4 4-6 8-6s8 2 8 6",
  policies: "M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6l8-3z",
  audit: "M9 4h6l1 2h3v15H5V6h3l1-2zM9 12h6M9 16h4",
  reconciliation: "M4 7h16M4 12h10M4 17h7M17 14l2 2 4-4",
  spend: "M4 20V10M10 20V4M16 20v-7M22 20H2",
  routing: "M6 3v6a3 3 0 003 3h6a3 3 0 013 3v6M6 21v-4M18 3v4",
  developers: "M8 8l-4 4 4 4M16 8l4 4-4 4M14 5l-4 14",
  keys: "M15 7a4 4 0 11-3.9 4.9L4 19v2h3v-2h2v-2h2l1.1-1.1A4 4 0 0115 7z",
  webhooks: "M12 4a4 4 0 00-3.5 6L5 16M12 4a4 4 0 013.5 6l3.5 6M5 16a3 3 0 106 0h8a3 3 0 10-.5-1.7",
  people: "M9 11a3.5 3.5 0 110-7 3.5 3.5 0 010 7zM2.5 20c0-3.5 3-5.5 6.5-5.5s6.5 2 6.5 5.5M16 4.5a3.5 3.5 0 010 6.5M18 14.8c2 .6 3.5 2.2 3.5 5.2",
};

export type NavItem = { href: string; label: string; short?: string; icon: keyof typeof ICONS };
type Counts = { yours: number; others: number };

/** The main navigation; the inbox link carries the live count of waiting items. */
export function NavLinks({ items, variant, counts, role = "viewer" }: { items: NavItem[]; variant: "side" | "top"; counts?: Counts; role?: string }) {
  const path = usePathname();
  return (
    <ul className={variant === "side" ? "space-y-1" : "flex gap-0.5 overflow-x-auto"}>
      {items.map((item) => {
        const active = path === item.href || path.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                active
                  ? "bg-brand-50 text-brand-700 dark:bg-brand-500/15 dark:text-brand-300"
                  : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white",
              )}
            >
              <svg
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth={1.7}
                strokeLinecap="round"
                strokeLinejoin="round"
                className={cn("size-5 shrink-0", variant === "top" && "hidden sm:block")}
                aria-hidden
              >
                <path d={ICONS[item.icon]} />
              </svg>
              {variant === "top" && item.short ? item.short : item.label}
              {item.href === "/inbox" && counts && <InboxCountBadge initial={counts} role={role} />}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
