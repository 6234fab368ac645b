import type { DbOrTx } from "@/lib/db/client";
import { isSealed, needsReseal, openSecret, sealSecret, secretKeys, type SecretKey } from "./secret-box";
import { SEALED_COLUMNS } from "./sealed-columns";

export type ResealReport = { table: string; column: string; sealed: number; resealed: number; current: number; failed: { id: string; error: string }[] }[];

const BATCH = 500;

/**
 * Seals every plain value of the sealed columns, and (unless `plainOnly`) re-seals every value
 * sealed under a key other than the current first one: the second half of a key rotation.
 * Each row is written with a guarded update (`WHERE column = <the value read>`), so a value
 * changed meanwhile (a rotation by an admin, another instance's pass) is left alone, and a second
 * run changes nothing. A value no key opens is reported, never overwritten.
 */
export async function resealSecrets(db: DbOrTx, opts: { plainOnly?: boolean; keys?: SecretKey[] } = {}): Promise<ResealReport> {
  const keys = opts.keys ?? secretKeys();
  const report: ResealReport = [];
  for (const { table, column } of SEALED_COLUMNS) {
    const entry = { table, column, sealed: 0, resealed: 0, current: 0, failed: [] as { id: string; error: string }[] };
    report.push(entry);
    let after = "";
    for (;;) {
      const rows = await db.$queryRawUnsafe<{ id: string; value: string }[]>(
        `SELECT id, "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL AND id > $1 ORDER BY id LIMIT ${BATCH}`,
        after,
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      for (const { id, value } of rows) {
        const plain = !isSealed(value);
        if (!needsReseal(value, keys) || (opts.plainOnly && !plain)) {
          entry.current++;
          continue;
        }
        let next: string;
        try {
          next = sealSecret(plain ? value : openSecret(value, keys), keys);
        } catch (e) {
          entry.failed.push({ id, error: (e as Error).message });
          continue;
        }
        const changed = await db.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = $1 WHERE id = $2 AND "${column}" = $3`, next, id, value);
        if (changed) entry[plain ? "sealed" : "resealed"]++;
      }
    }
  }
  return report;
}
