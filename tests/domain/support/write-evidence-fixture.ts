// Writes sdk/audit-verify/test/fixtures/export.jsonl: an evidence export made by the app's own
// verbs on an in-memory database (see makeEvidence). Run after changing the export format:
//   npx tsx tests/domain/support/write-evidence-fixture.ts
import fs from "node:fs";
import path from "node:path";
import { makeEvidence } from "./evidence-fixture";
import { createTestDb } from "./test-db";

process.env.AEGIS_SECRET_KEY ??= Buffer.alloc(32, 7).toString("base64"); // sealing needs a key; nothing sealed is written out
const { db, close } = await createTestDb();
const { lines } = await makeEvidence(db);
const file = path.resolve(import.meta.dirname, "../../../sdk/audit-verify/test/fixtures/export.jsonl");
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, lines.join(""));
console.log(`wrote ${lines.length} lines to ${path.relative(process.cwd(), file)}`);
await close();
process.exit(0);
