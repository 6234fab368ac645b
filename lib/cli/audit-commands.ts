import { AUDIT_CSV_HEADER, auditCsvLine, csvLine } from "@/lib/audit/audit-csv";
import { auditJsonLine } from "@/lib/audit/audit-json-line";
import { iterateAuditEvents } from "@/lib/audit/list-audit-events";
import { exportAuditEvidence } from "@/lib/audit/export-audit-evidence";
import { StreamedResult } from "./streamed-result";
import { purgeAuditEvents } from "@/lib/audit/purge-audit-events";
import { rotateAuditSigningKey } from "@/lib/audit/rotate-audit-signing-key";
import { setAuditRetention } from "@/lib/audit/set-audit-retention";
import { verifyAuditChain, type ChainReport } from "@/lib/audit/verify-audit-chain";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";
import { optionalString, requireString, type AdminArgs } from "./admin-command-args";

type Command = { usage: string; run: (db: Db, args: AdminArgs) => Promise<unknown> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (a: AdminArgs, name: string) => {
  const v = optionalString(a, name);
  if (v !== undefined && (!DATE.test(v) || Number.isNaN(Date.parse(v))))
    throw new AppError("validation_error", `--${name} must be a date like 2026-11-29`, [{ field: name, issue: "YYYY-MM-DD" }]);
  return v;
};

export const AUDIT_COMMANDS: Record<string, Command> = {
  "audit verify": {
    usage: "audit verify [--org ID]",
    run: async (db, a): Promise<ChainReport[]> => {
      const org = optionalString(a, "org");
      const ids = org
        ? [(await getOrganizationOrThrow(db, org)).id]
        : (await db.organization.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } })).map((o) => o.id);
      const reports: ChainReport[] = [];
      for (const id of ids) reports.push(await verifyAuditChain(db, "system", id));
      return reports;
    },
  },
  "audit export": {
    usage: "audit export --org ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE] [--format evidence|csv|jsonl]",
    run: async (db, a) => {
      const orgId = (await getOrganizationOrThrow(db, requireString(a, "org"))).id;
      const format = optionalString(a, "format") ?? "csv";
      if (format === "evidence") {
        const from = date(a, "from");
        const to = date(a, "to");
        const range = { from: from ? new Date(from) : undefined, to: to ? new Date(Date.parse(to) + 86_400_000) : undefined };
        return new StreamedResult(exportAuditEvidence(db, "system", orgId, range));
      }
      if (format !== "csv" && format !== "jsonl")
        throw new AppError("validation_error", "--format is evidence, csv or jsonl", [{ field: "format", issue: "evidence, csv or jsonl" }]);
      const lines = format === "csv" ? [csvLine(AUDIT_CSV_HEADER)] : [];
      for await (const e of iterateAuditEvents(db, orgId, { from: date(a, "from"), to: date(a, "to") }))
        lines.push(format === "csv" ? auditCsvLine(e) : auditJsonLine(e));
      return lines.join("");
    },
  },
  "audit rotate-key": {
    usage: "audit rotate-key --org ID   (the old key signs a rotation checkpoint naming the new one, then is retired but kept)",
    run: async (db, a) => rotateAuditSigningKey(db, "system", (await getOrganizationOrThrow(db, requireString(a, "org"))).id),
  },
  "audit retention": {
    usage: "audit retention --org ID --days N   (keep audit events N days, at least 365; default 2557, 7 years)",
    run: async (db, a) => {
      const days = Number(requireString(a, "days"));
      return setAuditRetention(db, "system", (await getOrganizationOrThrow(db, requireString(a, "org"))).id, days);
    },
  },
  "audit purge": {
    usage: "audit purge --org ID   (deletes events past the retention, after signing a tombstone checkpoint)",
    run: async (db, a) => purgeAuditEvents(db, "system", (await getOrganizationOrThrow(db, requireString(a, "org"))).id),
  },
};
