import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointPayload } from "../../sdk/audit-verify/lib/index.js";
import { testPort, type AppServer } from "./support/app-server";
import { eventually } from "./support/database";
import { createOrg, type TestOrg } from "./support/factories";
import { startOpensslTsa, type OpensslTsa } from "./support/openssl-tsa";
import { startOwnApp } from "./support/own-app";
import { callAction } from "./support/server-actions";
import { raw, signIn } from "./support/session";

// The app against a real RFC 3161 TSA (openssl ts -reply behind HTTP): checkpoints get tokens after
// they commit, the export carries them, openssl and sdk/audit-verify accept them, and a token moved
// to another checkpoint is refused. A TSA that is down delays only the token, never the checkpoint.
const root = path.resolve(import.meta.dirname, "../..");
const verifierBin = path.join(root, "sdk/audit-verify/bin/aegis-audit-verify.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-tsa-it-"));
const pg = process.env.TEST_DATABASE === "postgres";

let tsa: OpensslTsa;
let app: AppServer;
let org: TestOrg;

beforeAll(async () => {
  tsa = await startOpensslTsa(testPort(pg ? 49 : 48));
  app = await startOwnApp(testPort(pg ? 47 : 46), { AEGIS_TSA_URL: tsa.url, AEGIS_TSA_TIMEOUT_MS: "5000", AEGIS_WEBHOOK_POLL_MS: "200" });
  org = await createOrg({ app: { baseUrl: app.baseUrl, dataDir: app.dataDir } });
});
afterAll(async () => {
  await app?.stop();
  await tsa?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function call(key: string, method: string, url: string) {
  const res = await fetch(`${app.baseUrl}${url}`, { method, headers: { Authorization: `Bearer ${key}` } });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

type Checkpoint = { id: string; kind: string; timestamp: { token: string; time: string } | null };
const checkpoint = async (id: string): Promise<Checkpoint> =>
  (await call(org.viewer.key, "GET", "/api/v1/audit/checkpoints?limit=100")).json().data.find((c: Checkpoint) => c.id === id);
const timestamped = (id: string) =>
  eventually(
    () => checkpoint(id),
    (c) => c?.timestamp !== null,
    30_000,
  );

async function rotate(): Promise<Checkpoint> {
  const res = await call(org.admin.key, "POST", "/api/v1/audit/keys/rotate");
  expect(res.status, res.text).toBe(201);
  return res.json().checkpoint;
}

function verifyFile(lines: unknown[]): Promise<{ code: number; out: string }> {
  const file = path.join(tmp, `export-${Date.now()}-${Math.random()}.jsonl`);
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  return new Promise((resolve) =>
    execFile(process.execPath, [verifierBin, file], { encoding: "utf8" }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }),
    ),
  );
}

describe("RFC 3161 timestamps from AEGIS_TSA_URL", () => {
  it("checkpoints get a token, the export carries it, openssl and audit-verify accept it, and refuse it on another checkpoint", async () => {
    const rotation = await rotate();
    expect(rotation.timestamp).toBeNull(); // answered before the TSA was asked
    // The rotation's own audit event sealed, so the export signs a new head.
    await eventually(
      async () => (await call(org.admin.key, "GET", "/api/v1/audit/verify")).json(),
      (r) => r.pending === 0,
    );
    const exported = await call(org.admin.key, "GET", "/api/v1/audit/export"); // signs an export checkpoint of the head
    expect(exported.status).toBe(200);
    const exportCheckpoint = exported.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((l) => l.type === "checkpoint")
      .at(-1);
    expect(exportCheckpoint.kind).toBe("export");
    const [a, b] = [await timestamped(rotation.id), await timestamped(exportCheckpoint.id)];
    expect(Date.parse(a.timestamp!.time)).toBeGreaterThan(Date.now() - 120_000);

    const file = (await call(org.viewer.key, "GET", "/api/v1/audit/export")).text;
    const lines = file
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const inFile = lines.filter((l) => l.type === "checkpoint" && (l.id === a.id || l.id === b.id));
    expect(inFile.map((c) => c.timestamp)).toEqual([a.timestamp, b.timestamp]);

    // openssl's own verifier, against the TSA's CA, on the stored token and the checkpoint's signed bytes.
    for (const c of inFile) {
      const checked = await tsa.verify(Buffer.from(c.timestamp.token, "base64"), Buffer.from(checkpointPayload(c)));
      expect(checked.ok, checked.out).toBe(true);
    }
    const ok = await verifyFile(lines);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain(`checkpoint ${a.id} timestamped ${a.timestamp!.time} by O=Aegis Tests, CN=Aegis Test TSA`);
    expect(ok.out).toContain(`checkpoint ${b.id} timestamped ${b.timestamp!.time} by O=Aegis Tests, CN=Aegis Test TSA`);

    // A genuine token on the wrong checkpoint: its message imprint does not match.
    const swapped = lines.map((l) => (l.id === a.id ? { ...l, timestamp: b.timestamp } : l));
    const bad = await verifyFile(swapped);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`checkpoint ${a.id}'s RFC 3161 timestamp does not hold: the token vouches for other data (its message imprint does not match`);
  });

  it("a TSA that is down does not hold up the checkpoint; the token comes once it is back", async () => {
    tsa.mode = "down";
    const asked = tsa.requests;
    const started = Date.now();
    const cp = await rotate();
    expect(Date.now() - started).toBeLessThan(5_000);
    await eventually(
      async () => tsa.requests,
      (n) => n > asked,
    );
    expect((await checkpoint(cp.id)).timestamp).toBeNull();
    tsa.mode = "ok";
    const done = await timestamped(cp.id); // retried after the deadline and the backoff (10 s)
    expect(done.timestamp!.token).toBeTruthy();
  });

  it("the dashboard's evidence controls are for admins: a viewer sees none and the actions refuse them", async () => {
    const viewer = (await signIn(org.viewer.email, "correct horse battery", { baseUrl: app.baseUrl })).cookie!;
    const admin = (await signIn(org.admin.email, "correct horse battery", { baseUrl: app.baseUrl })).cookie!;
    const asViewer = await raw("GET", "/audit/evidence", { baseUrl: app.baseUrl, headers: { Cookie: viewer } });
    expect(asViewer.body).toContain("Signing keys");
    expect(asViewer.body).not.toContain("Rotate signing key");
    expect((await raw("GET", "/audit/evidence", { baseUrl: app.baseUrl, headers: { Cookie: admin } })).body).toContain("Rotate signing key");
    const keysBefore = (await call(org.viewer.key, "GET", "/api/v1/audit/keys")).json().data.length;
    for (const [action, args] of [
      ["rotateSigningKeyAction", []],
      ["setRetentionAction", [365]],
      ["purgeAuditEventsAction", []],
    ] as const) {
      const res = await callAction({ cookie: viewer, page: "/audit/evidence", action, args, baseUrl: app.baseUrl });
      expect(res.result, action).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect((await call(org.viewer.key, "GET", "/api/v1/audit/keys")).json().data.length).toBe(keysBefore);
    const res = await callAction({ cookie: admin, page: "/audit/evidence", action: "setRetentionAction", args: [3653], baseUrl: app.baseUrl });
    expect(res.result).toMatchObject({ ok: true, data: { days: 3653 } });
  });
});
