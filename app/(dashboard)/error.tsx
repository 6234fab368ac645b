"use client";

import { Button } from "@/components/button";
import { Card } from "@/components/card";
import { EmptyState } from "@/components/empty-state";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card>
      <EmptyState title="This page could not be loaded" icon={<span className="text-lg font-semibold text-rose-600">!</span>}>
        <p>Nothing was changed. Try again in a moment.</p>
        {error.digest && <p className="mt-1 font-mono text-xs">Reference {error.digest}</p>}
        <Button className="mt-4" onClick={reset}>
          Try again
        </Button>
      </EmptyState>
    </Card>
  );
}
