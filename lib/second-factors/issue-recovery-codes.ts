import crypto from "node:crypto";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

const COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Recovery codes are random (50 bits each) and kept only as SHA-256 hashes; the person sees them once. */
export const hashRecoveryCode = (code: string) => crypto.createHash("sha256").update(code.trim().toLowerCase().replace(/\s+/g, "")).digest("hex");

function newCode(): string {
  const chars = Array.from(crypto.randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** Replaces a person's recovery codes with ten new ones (the old ones stop working) and returns them. */
export async function issueRecoveryCodes(tx: Tx, principal: UserPrincipal): Promise<string[]> {
  const codes = Array.from({ length: COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { userId: principal.userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ id: newId("rcv"), userId: principal.userId, codeHash: hashRecoveryCode(c) })) });
  await recordAuditEvent(tx, {
    orgId: principal.orgId,
    actor: principal,
    action: "user.recovery_codes_generated",
    targetId: principal.userId,
    data: { count: COUNT },
  });
  return codes;
}
