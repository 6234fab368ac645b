// The verifier against an export the app made (test/fixtures/export.jsonl, written by
// tests/domain/support/write-evidence-fixture.ts): intact, then each way it can be damaged.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { eventHash } from "../lib/index.js";

const here = path.dirname(new URL(import.meta.url).pathname);
const bin = path.join(here, "..", "bin", "aegis-audit-verify.js");
const fixture = fs.readFileSync(path.join(here, "fixtures", "export.jsonl"), "utf8");
const rows = () =>
  fixture
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-audit-verify-"));
let n = 0;

function write(lines) {
  const file = path.join(tmp, `export-${n++}.jsonl`);
  fs.writeFileSync(file, lines.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n");
  return file;
}

function verify(lines, ...args) {
  const file = Array.isArray(lines) ? write(lines) : lines;
  const run = spawnSync(process.execPath, [bin, file, ...args], { encoding: "utf8" });
  return { code: run.status, out: run.stdout + run.stderr };
}

const events = (r) => r.filter((x) => x.type === "event");

test("an intact export: exit 0", () => {
  const r = verify(rows());
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /^INTACT/);
  assert.match(r.out, /4 signed checkpoints/);
});

test("an edited event is named", () => {
  const r = rows();
  const victim = events(r)[2];
  victim.data = { ...victim.data, status: "active" };
  const res = verify(r);
  assert.equal(res.code, 1);
  assert.match(res.out, new RegExp(`FIRST PROBLEM: event #${victim.seq} \\(${victim.id}.*was edited`));
});

test("a deleted event is named", () => {
  const r = rows();
  const gone = events(r)[3];
  const res = verify(r.filter((x) => x !== gone));
  assert.equal(res.code, 1);
  assert.match(res.out, new RegExp(`FIRST PROBLEM: event #${gone.seq} is missing \\(deleted\\)`));
});

test("reordered events are named", () => {
  const r = rows();
  const [a, b] = [r.indexOf(events(r)[1]), r.indexOf(events(r)[2])];
  [r[a], r[b]] = [r[b], r[a]];
  const early = events(rows())[2];
  const res = verify(r);
  assert.equal(res.code, 1);
  assert.match(
    res.out,
    new RegExp(`FIRST PROBLEM: event #${early.seq} \\(${early.id}.* is out of order: it comes before #${events(rows())[1].seq} \\(reordered\\)`),
  );
});

test("a cut-off tail is caught by the closing checkpoint", () => {
  const r = rows();
  const last = events(r).at(-1);
  const res = verify(r.filter((x) => x !== last));
  assert.equal(res.code, 1);
  assert.match(res.out, new RegExp(`FIRST PROBLEM: events #${last.seq}–#${last.seq} are missing at the end \\(cut-off tail\\)`));
});

test("an edit whose hash and every later hash were recomputed breaks against a signed checkpoint", () => {
  const r = rows();
  const evs = events(r);
  let prev = evs[0].prev_hash;
  for (const [i, e] of evs.entries()) {
    if (i === 1) e.actor_label = "someone-else@example.com";
    e.prev_hash = prev;
    e.hash = eventHash(e);
    prev = e.hash;
  }
  const res = verify(r);
  assert.equal(res.code, 1);
  assert.match(res.out, /does not match checkpoint .*recomputed/);
});

test("a checkpoint whose contents were changed does not verify", () => {
  const r = rows();
  const cp = r.find((x) => x.type === "checkpoint" && x.kind === "periodic");
  cp.created_at = new Date(Date.parse(cp.created_at) + 1000).toISOString();
  const res = verify(r);
  assert.equal(res.code, 1);
  assert.match(res.out, new RegExp(`checkpoint ${cp.id} .* does not verify`));
});

test("with --keys, only the pinned key and the keys it rotated to are trusted", () => {
  const r = rows();
  const keys = r.filter((x) => x.type === "key");
  const pinned = path.join(tmp, "keys.json");
  fs.writeFileSync(pinned, JSON.stringify({ object: "list", data: [keys[0]] }));
  assert.equal(verify(r, "--keys", pinned).code, 0, "the first key vouches for the second through the rotation checkpoint");
  fs.writeFileSync(pinned, JSON.stringify({ object: "list", data: [{ ...keys[0], public_key: { ...keys[1].public_key, kid: keys[0].id } }] }));
  const res = verify(r, "--keys", pinned);
  assert.equal(res.code, 1);
  assert.match(res.out, /differs from the trusted key/);
});

test("a witnessed checkpoint past the export's end exposes a tail cut together with its checkpoint", () => {
  const r = rows();
  const closing = r.filter((x) => x.type === "checkpoint" && x.kind === "export").at(-1);
  const key = r.find((x) => x.type === "key" && x.id === closing.key_id);
  // Drop the closing checkpoint and the last event, and make the header agree: the file alone looks whole.
  const last = events(r).at(-1);
  const header = { ...r[0], events: { ...r[0].events, last_seq: String(BigInt(last.seq) - 1n) } };
  const cut = [header, ...r.slice(1).filter((x) => x !== closing && x !== last)];
  assert.equal(verify(cut).code, 0, "without a witness the cut is invisible");
  const witness = path.join(tmp, "witness.jsonl");
  fs.writeFileSync(witness, JSON.stringify({ type: "audit.checkpoint", timestamp: closing.created_at, data: { checkpoint: closing, key } }) + "\n");
  const res = verify(cut, "--witness", witness);
  assert.equal(res.code, 1);
  assert.match(res.out, /cut-off tail.*witnessed checkpoint/);
});

test("a file that is not an export, and a missing file", () => {
  assert.equal(verify(["not json"]).code, 1);
  assert.match(verify(["not json"]).out, /not the header|not JSON/);
  assert.equal(verify(path.join(tmp, "nope.jsonl")).code, 2);
  assert.equal(spawnSync(process.execPath, [bin], { encoding: "utf8" }).status, 2);
});
