"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useEffect } from "react";

type Counts = { yours: number; others: number };
const CAP = 500;

/** Open approvals for this person (for a viewer: all open ones), refreshed on every page. */
export function useInboxCount(initial: Counts, role: string) {
  const { data } = useQuery({
    queryKey: ["inbox-count"],
    queryFn: async (): Promise<Counts> => {
      const res = await fetch("/inbox/count", { credentials: "same-origin", cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    },
    initialData: initial,
    refetchInterval: 5000,
  });
  return role === "viewer" ? data.others : data.yours;
}

const label = (n: number) => (n >= CAP ? `${CAP - 1}+` : String(n));

/** The count beside "Inbox" in the navigation. */
export function InboxCountBadge({ initial, role }: { initial: Counts; role: string }) {
  const n = useInboxCount(initial, role);
  if (n === 0) return null;
  return (
    <span
      data-testid="nav-inbox-count"
      aria-label={`${label(n)} waiting`}
      className="ml-auto rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white tabular dark:bg-brand-500"
    >
      {label(n)}
    </span>
  );
}

/**
 * "(3) Approval inbox · AegisOS Comply": the count in the tab title on every page. Next
 * writes the title on each navigation, so the prefix is put back whenever the title changes.
 */
export function TitleCount({ initial, role }: { initial: Counts; role: string }) {
  const n = useInboxCount(initial, role);
  const path = usePathname();
  useEffect(() => {
    const apply = () => {
      const bare = document.title.replace(/^\(\d+\+?\) /, "");
      const next = n > 0 ? `(${label(n)}) ${bare}` : bare;
      if (document.title !== next) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [n, path]);
  return null;
}
