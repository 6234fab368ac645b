import { ButtonLink } from "@/components/button";
import { Card } from "@/components/card";
import { EmptyState } from "@/components/empty-state";

export default function DashboardNotFound() {
  return (
    <Card>
      <EmptyState title="Not found" icon={<span className="text-lg font-semibold">?</span>}>
        <p>This record does not exist, or it belongs to another organisation.</p>
        <ButtonLink href="/" className="mt-4">
          Back to the dashboard
        </ButtonLink>
      </EmptyState>
    </Card>
  );
}
