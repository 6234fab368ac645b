import type { Db } from "@/lib/db/client";

/**
 * What someone with the tables' owner rights could do to the evidence: switch the append-only
 * triggers off, change rows, switch them on again. Tests use it to prove the chain, the
 * checkpoints and the offline verifier still catch such edits.
 */
export async function tamper(db: Db, statements: string[]): Promise<void> {
  const tables = ["audit_events", "audit_checkpoints"];
  await db.$transaction(async (tx) => {
    for (const t of tables) await tx.$executeRawUnsafe(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_append_only`);
    for (const s of statements) await tx.$executeRawUnsafe(s);
    for (const t of tables) await tx.$executeRawUnsafe(`ALTER TABLE ${t} ENABLE TRIGGER ${t}_append_only`);
  });
}
