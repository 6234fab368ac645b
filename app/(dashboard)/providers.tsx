"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { OrgTimeZoneProvider } from "@/components/org-time";
import { ToastProvider } from "@/components/toast";

export function Providers({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } }));
  return (
    <QueryClientProvider client={client}>
      <OrgTimeZoneProvider timeZone={timeZone}>
        <ToastProvider>{children}</ToastProvider>
      </OrgTimeZoneProvider>
    </QueryClientProvider>
  );
}
