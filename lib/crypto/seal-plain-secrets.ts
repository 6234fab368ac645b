import type { Db } from "@/lib/db/client";
import { resealSecrets } from "./reseal-secrets";

/**
 * Start-up's one-time step: secrets stored before they were sealed (webhook signing secrets
 * from older versions) are sealed in place. Idempotent (a second run finds nothing plain), cheap
 * (it reads the few rows of each sealed column), and safe to run on several instances at once.
 */
export async function sealPlainSecrets(db: Db): Promise<number> {
  const report = await resealSecrets(db, { plainOnly: true });
  const sealed = report.reduce((n, r) => n + r.sealed, 0);
  if (sealed) console.log(`[startup] sealed ${sealed} stored secrets that were kept in the clear`);
  for (const r of report) for (const f of r.failed) console.error(`[startup] could not seal ${r.table}.${r.column} of ${f.id}: ${f.error}`);
  return sealed;
}
