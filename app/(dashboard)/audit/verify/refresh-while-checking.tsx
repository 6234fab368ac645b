"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-reads the page every 2 s while a check is open, and stops once the page shows it finished. */
export function RefreshWhileChecking({ checking }: { checking: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!checking) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [checking, router]);
  return null;
}
