"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { OrgTimeZoneProvider } from "@/components/org-time";
import { factorActions } from "@/components/factor-prompt";
import { StepUpProvider } from "@/components/step-up";
import { ToastProvider } from "@/components/toast";
import { proveStepUpAction, stepUpPasskeyOptionsAction } from "./_actions/step-up-actions";

const stepUpActions = factorActions(() => stepUpPasskeyOptionsAction(), proveStepUpAction);

export function Providers({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } }));
  return (
    <QueryClientProvider client={client}>
      <OrgTimeZoneProvider timeZone={timeZone}>
        <ToastProvider>
          <StepUpProvider actions={stepUpActions}>{children}</StepUpProvider>
        </ToastProvider>
      </OrgTimeZoneProvider>
    </QueryClientProvider>
  );
}
