// RFC 3161 timestamps in an export the app made with a real TSA (test/fixtures/export-timestamped.jsonl,
// written by tests/domain/support/write-timestamped-fixture.ts with `openssl ts -reply` as the TSA):
// accepted as they are, refused once a token vouches for other bytes or was altered.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { checkpointPayload, verifyTimestampToken } from "../lib/index.js";

const here = path.dirname(new URL(import.meta.url).pathname);
const bin = path.join(here, "..", "bin", "aegis-audit-verify.js");
const fixture = fs.readFileSync(path.join(here, "fixtures", "export-timestamped.jsonl"), "utf8");
const rows = () =>
  fixture
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
const checkpoints = (r) => r.filter((x) => x.type === "checkpoint");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-audit-verify-tsa-"));
let n = 0;

function verify(lines) {
  const file = path.join(tmp, `export-${n++}.jsonl`);
  fs.writeFileSync(file, lines.map((r) => JSON.stringify(r)).join("\n") + "\n");
  const run = spawnSync(process.execPath, [bin, file], { encoding: "utf8" });
  return { code: run.status, out: run.stdout + run.stderr };
}

/** Changes one byte of a checkpoint's token, found by `find`, with `change`. */
function alterToken(c, find, change) {
  const der = Buffer.from(c.timestamp.token, "base64");
  const at = find(der);
  assert.ok(at >= 0 && at < der.length);
  der[at] = change(der[at]);
  c.timestamp.token = der.toString("base64");
}

test("every checkpoint's token holds: exit 0, and the report names the TSA and its time", () => {
  const r = rows();
  assert.equal(checkpoints(r).length, 4);
  assert.ok(checkpoints(r).every((c) => c.timestamp?.token));
  const res = verify(r);
  assert.equal(res.code, 0, res.out);
  for (const c of checkpoints(r)) {
    const time = verifyTimestampToken(Buffer.from(c.timestamp.token, "base64"), Buffer.from(checkpointPayload(c))).time;
    assert.equal(time.toISOString(), c.timestamp.time);
    assert.match(res.out, new RegExp(`checkpoint ${c.id} timestamped ${c.timestamp.time} by O=Aegis Tests, CN=Aegis Test TSA`));
  }
});

test("a real token over another checkpoint is refused: its message imprint does not match", () => {
  const r = rows();
  const [a, b] = checkpoints(r);
  [a.timestamp, b.timestamp] = [b.timestamp, a.timestamp];
  const res = verify(r);
  assert.equal(res.code, 1);
  assert.match(
    res.out,
    new RegExp(
      `checkpoint ${a.id}'s RFC 3161 timestamp does not hold: the token vouches for other data \\(its message imprint does not match the checkpoint\\)`,
    ),
  );
});

test("a token whose time was changed no longer matches what the TSA signed", () => {
  const r = rows();
  const c = checkpoints(r)[1];
  const genTime = c.timestamp.time.replace(/[-:T]/g, "").slice(0, 14);
  alterToken(
    c,
    (der) => der.indexOf(Buffer.from(genTime, "latin1")) + 3,
    (b) => b - 1,
  ); // one year earlier
  const res = verify(r);
  assert.equal(res.code, 1);
  assert.match(res.out, new RegExp(`checkpoint ${c.id}'s RFC 3161 timestamp does not hold: the signed digest does not match the TSTInfo`));
});

test("a token whose signature was changed does not verify with the certificate it carries", () => {
  const r = rows();
  const c = checkpoints(r)[2];
  alterToken(
    c,
    (der) => der.length - 1,
    (b) => b ^ 0xff,
  ); // the last byte of the signer's signature
  const res = verify(r);
  assert.equal(res.code, 1);
  assert.match(res.out, new RegExp(`checkpoint ${c.id}'s RFC 3161 timestamp does not hold: the token's signature does not verify`));
});
