#!/usr/bin/env node
// aegis-audit-verify FILE [--keys KEYS.json] [--witness WITNESS.jsonl]... [--json]
// Exit 0: the export is intact. 1: it is not (the first problem is named). 2: it could not be read.
import fs from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { verifyExport } from "../lib/verify-export.js";

const USAGE = `Usage: aegis-audit-verify FILE [--keys KEYS.json] [--witness FILE]... [--json]

  FILE          an audit export (npm run aegis -- audit export --out FILE, GET /api/v1/audit/export,
                or the dashboard's Audit log → Export evidence)
  --keys        public keys you saved earlier (GET /api/v1/audit/keys): trust only them and the keys
                they handed over to in signed rotations, instead of the keys inside the export
  --witness     checkpoints received outside the database (bodies of audit.checkpoint webhooks, JSON
                lines or a JSON array); the export must agree with each and reach the newest
  --json        print the report as JSON`;

function readJsonItems(file) {
  const text = fs.readFileSync(file, "utf8").trim();
  if (!text) return [];
  if (text.startsWith("[")) return JSON.parse(text);
  try {
    return [JSON.parse(text)];
  } catch {
    return text
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l));
  }
}

/** A webhook body `{type, data: {checkpoint, key}}`, or `{checkpoint, key}` itself. */
const witnessOf = (item) => (item.type === "audit.checkpoint" ? item.data : item);
/** A saved GET /api/v1/audit/keys answer (`{data: [...]}`), a list, or one key. */
const keysOf = (items) => items.flatMap((i) => (Array.isArray(i.data) ? i.data : [i]));

async function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { keys: { type: "string" }, witness: { type: "string", multiple: true }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    console.error(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || positionals.length !== 1) {
    (values.help ? console.log : console.error)(USAGE);
    return values.help ? 0 : 2;
  }
  let report;
  try {
    const trustedKeys = values.keys ? keysOf(readJsonItems(values.keys)) : undefined;
    const witnesses = (values.witness ?? []).flatMap((f) => readJsonItems(f).map(witnessOf));
    const lines = readline.createInterface({ input: fs.createReadStream(positionals[0]), crlfDelay: Infinity });
    report = await verifyExport(lines, { trustedKeys, witnesses });
  } catch (e) {
    console.error(`aegis-audit-verify: cannot read the input: ${e.message}`);
    return 2;
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else print(report);
  return report.ok ? 0 : 1;
}

function print(r) {
  const org = r.org ? `${r.org.name} (${r.org.id})` : "unknown organisation";
  console.log(`${r.ok ? "INTACT" : "NOT INTACT"}: audit export of ${org}, made ${r.exported_at ?? "?"}`);
  console.log(
    `  ${r.events.checked} events read from #${r.events.first_seq ?? "?"}${r.events.last_seq ? `, linked and intact through #${r.events.last_seq}` : ""}`,
  );
  console.log(
    `  ${r.checkpoints} signed checkpoints, keys ${r.keys.join(", ") || "none"}${r.keys_pinned ? " (checked against your keys)" : " (as exported; pin them with --keys)"}`,
  );
  if (r.witnesses) console.log(`  ${r.witnesses} witnessed checkpoints compared`);
  for (const t of r.timestamps) console.log(`  checkpoint ${t.checkpoint} timestamped ${t.time.toISOString()} by ${t.tsa}`);
  for (const [i, p] of r.problems.entries()) console.log(`  ${i === 0 ? "FIRST PROBLEM" : "also"}: ${p.message}`);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
