import type { AuditEvent } from "@/lib/generated/prisma/client";
import { toMajorDecimal } from "@/lib/format/money";

export const AUDIT_CSV_HEADER = ["time_utc", "action", "actor_type", "actor", "target_type", "target_id", "amount", "currency", "details"];

/** RFC 4180 quoting, and a leading ' on cells a spreadsheet would run as a formula. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** One audit event as a CSV line; the amount (minor units in the data) becomes a decimal here, at the edge. */
export function auditCsvLine(e: AuditEvent): string {
  const data = (e.data ?? {}) as Record<string, unknown>;
  const currency = typeof data.currency === "string" ? data.currency : "";
  const amount = typeof data.amount === "number" && currency ? toMajorDecimal(data.amount, currency) : "";
  return csvLine([e.createdAt.toISOString(), e.action, e.actorType, e.actorLabel, e.targetType, e.targetId, amount, currency, JSON.stringify(data)]);
}
