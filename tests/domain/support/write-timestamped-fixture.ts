// Writes sdk/audit-verify/test/fixtures/export-timestamped.jsonl: the evidence of makeEvidence with
// every checkpoint timestamped by a real RFC 3161 TSA (openssl ts -reply, tests/integration/support/
// openssl-tsa.ts) through the app's own background pass. Run after changing the export format:
//   npx tsx tests/domain/support/write-timestamped-fixture.ts
import fs from "node:fs";
import path from "node:path";
import { exportAuditEvidence } from "@/lib/audit/export-audit-evidence";
import { timestampAuditCheckpoints } from "@/lib/audit/timestamp-audit-checkpoints";
import { startOpensslTsa } from "../../integration/support/openssl-tsa";
import { makeEvidence } from "./evidence-fixture";
import { createTestDb } from "./test-db";

process.env.AEGIS_SECRET_KEY ??= Buffer.alloc(32, 7).toString("base64"); // sealing needs a key; nothing sealed is written out
const tsa = await startOpensslTsa();
process.env.AEGIS_TSA_URL = tsa.url;
const { db, close } = await createTestDb();
const { orgId } = await makeEvidence(db);
while ((await timestampAuditCheckpoints(db)) > 0);
const untimestamped = await db.auditCheckpoint.count({ where: { orgId, tsaToken: null } });
if (untimestamped > 0) throw new Error(`${untimestamped} checkpoints got no timestamp`);
const lines: string[] = [];
for await (const l of exportAuditEvidence(db, "system", orgId)) lines.push(l);
const file = path.resolve(import.meta.dirname, "../../../sdk/audit-verify/test/fixtures/export-timestamped.jsonl");
fs.writeFileSync(file, lines.join(""));
console.log(`wrote ${lines.length} lines to ${path.relative(process.cwd(), file)}`);
await tsa.stop();
await close();
process.exit(0);
