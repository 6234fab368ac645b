import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { listAuditCheckpoints } from "@/lib/audit/list-audit-checkpoints";
import { listAuditSigningKeys } from "@/lib/audit/list-audit-signing-keys";
import { previewAuditPurge } from "@/lib/audit/preview-audit-purge";
import { requireSession } from "@/lib/auth/require-session";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";
import { can } from "@/lib/permissions/can";
import { CheckpointsCard, retentionYears } from "./checkpoints-card";
import { EvidenceControls } from "./evidence-controls";

export const metadata: Metadata = { title: "Audit evidence" };

/**
 * The signed checkpoints, the keys that signed them and the retention, for everyone who may read
 * the audit evidence (viewers are the auditors). Admins also get the controls: rotate the key, set
 * the retention, purge what is past it; the verbs refuse anyone else whatever the page shows.
 */
export default async function AuditEvidencePage() {
  const { db, principal } = await requireSession();
  const orgId = principal.orgId;
  if (!can(principal, "audit.read", { orgId })) notFound();
  const allowed = {
    rotate: can(principal, "audit.rotate_key", { orgId }),
    retention: can(principal, "organization.update", { orgId }),
    purge: can(principal, "audit.purge", { orgId }),
  };
  const [checkpoints, keys, org, purge] = await Promise.all([
    listAuditCheckpoints(db, principal, orgId, { limit: 20 }),
    listAuditSigningKeys(db, principal, orgId),
    getOrganizationOrThrow(db, orgId),
    allowed.purge ? previewAuditPurge(db, principal, orgId) : null,
  ]);
  const activeKeyId = keys.find((k) => !k.valid_until)?.id ?? null;
  const controls =
    allowed.rotate || allowed.retention || allowed.purge ? (
      <EvidenceControls
        activeKeyId={activeKeyId}
        retentionDays={org.auditRetentionDays}
        retentionYears={retentionYears(org.auditRetentionDays)}
        purge={purge}
        can={{ rotate: allowed.rotate, retention: allowed.retention }}
      />
    ) : null;
  return (
    <>
      <PageHeader
        title="Audit evidence"
        description="The organisation's key signs the audit chain's head at intervals and at each export; these checkpoints, the public keys and the retention are what an auditor checks the exported evidence against."
        actions={can(principal, "audit.verify", { orgId }) && <ButtonLink href="/audit/verify">Verify chain</ButtonLink>}
      />
      <CheckpointsCard checkpoints={checkpoints.data} keys={keys} retentionDays={org.auditRetentionDays} controls={controls} />
    </>
  );
}
