import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventually } from "./support/database";
import { createOrg, intentBody, type TestOrg } from "./support/factories";
import { api, expectError } from "./support/http";
import { startReceiver, waitFor } from "./support/webhook-receiver";

const root = path.resolve(import.meta.dirname, "../..");
const verifierBin = path.join(root, "sdk/audit-verify/bin/aegis-audit-verify.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-evidence-"));

let org: TestOrg;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  org = await createOrg();
  receiver = await startReceiver();
  const ep = await api(org.admin.key, "POST", "/api/v1/webhook-endpoints", { url: receiver.url, events: ["audit.checkpoint"] });
  expect(ep.status).toBe(201);
  receiver.state.secrets.push(ep.body.secret);
  for (const amount of [1_000, 2_000]) await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount }));
  await eventually(
    () => api(org.admin.key, "GET", "/api/v1/audit/verify"),
    (r) => r.body.pending === 0,
  );
});
afterAll(async () => {
  await receiver.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function download(key: string, query = "") {
  const res = await fetch(`${inject("baseUrl")}/api/v1/audit/export${query}`, { headers: { Authorization: `Bearer ${key}` } });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

/** A child process, awaited without blocking this process's event loop (its pooled keep-alive sockets must see the server close them). */
function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; out: string; stdout: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, args, { cwd: root, env, encoding: "utf8" }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr, stdout }),
    ),
  );
}

const verify = (file: string, ...args: string[]) => run([verifierBin, file, ...args]);

describe("audit evidence through the API and the CLI", () => {
  it("the API export verifies offline; its closing checkpoint was also sent as a signed audit.checkpoint webhook", async () => {
    const res = await download(org.viewer.key);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/application\/x-ndjson/);
    const file = path.join(tmp, "api.jsonl");
    fs.writeFileSync(file, res.text);
    const lines = res.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const closing = lines.filter((l) => l.type === "checkpoint").at(-1);
    expect(closing).toMatchObject({ kind: "export", org_id: org.id });
    expect(lines.filter((l) => l.type === "event").at(-1).seq).toBe(closing.seq);
    expect(await verify(file)).toMatchObject({ code: 0 });

    const delivered = await waitFor(() => receiver.received.find((r) => r.type === "audit.checkpoint" && r.data.checkpoint.id === closing.id));
    expect(delivered.verified).toBe(true);
    expect(delivered.data.key).toMatchObject({ id: closing.key_id, public_key: { kty: "OKP", crv: "Ed25519" } });
    const witness = path.join(tmp, "witness.jsonl");
    fs.writeFileSync(witness, `${delivered.body}\n`);
    const keys = path.join(tmp, "keys.json");
    fs.writeFileSync(keys, JSON.stringify((await api(org.viewer.key, "GET", "/api/v1/audit/keys")).body));
    expect(await verify(file, "--witness", witness, "--keys", keys)).toMatchObject({ code: 0 });
  });

  it("the CLI writes the same evidence file with --out", async () => {
    const file = path.join(tmp, "cli.jsonl");
    const env = { ...process.env, AEGIS_DATA_DIR: inject("dataDir"), DATABASE_URL: inject("databaseUrl") || "", AEGIS_ADMIN_CHANNEL: "1" };
    const cli = await run([path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/aegis.ts", "audit", "export", "--org", org.id, "--out", file], env);
    expect(cli.code, cli.out).toBe(0);
    expect(cli.stdout).toMatch(/Wrote \d+ lines .* to .*cli\.jsonl; check it with: npx aegis-audit-verify/);
    const header = JSON.parse(fs.readFileSync(file, "utf8").split("\n")[0]);
    expect(header).toMatchObject({ type: "header", org: { id: org.id }, exported_by: "system" });
    expect(await verify(file)).toMatchObject({ code: 0 });
  });

  it("publishes keys to people, rotates them for admins, and the export carries both keys and still verifies", async () => {
    expectError(await api(org.agent.key, "GET", "/api/v1/audit/keys"), 403, "forbidden");
    expectError(await api(org.approver.key, "POST", "/api/v1/audit/keys/rotate"), 403, "forbidden");
    const before = (await api(org.viewer.key, "GET", "/api/v1/audit/keys")).body.data;
    const rotated = await api(org.admin.key, "POST", "/api/v1/audit/keys/rotate");
    expect(rotated.status).toBe(201);
    expect(rotated.body.checkpoint).toMatchObject({ kind: "rotation", key_id: before.at(-1).id, details: { next_key_id: rotated.body.key.id } });
    const after = (await api(org.viewer.key, "GET", "/api/v1/audit/keys")).body.data;
    expect(after.map((k: { id: string }) => k.id)).toEqual([...before.map((k: { id: string }) => k.id), rotated.body.key.id]);
    expect(after.at(-2).valid_until).not.toBeNull();
    await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 3_000 }));
    await eventually(
      () => api(org.admin.key, "GET", "/api/v1/audit/verify"),
      (r) => r.body.pending === 0,
    );
    const file = path.join(tmp, "rotated.jsonl");
    const text = (await download(org.admin.key)).text;
    fs.writeFileSync(file, text);
    expect(JSON.parse(text.trim().split("\n").at(-1)!)).toMatchObject({ type: "event" });
    expect(text).toContain(`"key_id":"${rotated.body.key.id}"`);
    const pinned = path.join(tmp, "old-keys.json");
    fs.writeFileSync(pinned, JSON.stringify({ object: "list", data: before }));
    // Keys saved before the rotation still vouch for the new one, through the rotation checkpoint.
    expect(await verify(file, "--keys", pinned)).toMatchObject({ code: 0 });
    const list = await api(org.viewer.key, "GET", "/api/v1/audit/checkpoints?limit=2");
    expect(list.body).toMatchObject({ object: "list", has_more: true });
    expect(list.body.data[0].kind).toBe("export");
  });

  it("refuses bad export ranges and another organisation sees none of this one", async () => {
    expectError(await api(org.viewer.key, "GET", "/api/v1/audit/export?from=yesterday"), 400, "validation_error");
    expectError(await api(org.agent.key, "GET", "/api/v1/audit/export"), 403, "forbidden");
    const other = await createOrg();
    const theirs = (await download(other.admin.key)).text;
    expect(theirs).not.toContain(org.id);
    expect(JSON.parse(theirs.split("\n")[0]).org.id).toBe(other.id);
  });

  it("retention is an admin setting of at least a year; a purge with nothing that old purges nothing", async () => {
    expectError(await api(org.admin.key, "PUT", "/api/v1/audit/retention", { days: 30 }), 400, "validation_error");
    expectError(await api(org.viewer.key, "PUT", "/api/v1/audit/retention", { days: 400 }), 403, "forbidden");
    expect((await api(org.admin.key, "PUT", "/api/v1/audit/retention", { days: 400 })).body).toEqual({ object: "audit_retention", days: 400 });
    expectError(await api(org.approver.key, "POST", "/api/v1/audit/purge"), 403, "forbidden");
    const purge = await api(org.admin.key, "POST", "/api/v1/audit/purge");
    expect(purge.body).toMatchObject({ object: "audit_purge", purged: 0, tombstone: null });
  });
});
