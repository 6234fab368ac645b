import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { Webhook } from "standardwebhooks";
import { AegisWebhookVerificationError, verifyWebhook } from "@aegis-os/sdk";
import { client, createOrg, submitParams } from "./support/fixtures";

const secret = "whsec_" + Buffer.from("a secret of thirty-two bytes!!!!").toString("base64");
const payload = JSON.stringify({ type: "intent.decided", timestamp: "2026-11-29T07:00:00.000Z", data: { id: "int_123", status: "approved" } });

/** Headers as a Standard Webhooks sender (the `standardwebhooks` package) makes them. */
function signed(at = new Date(), body = payload, key = secret) {
  const id = `msg_${Math.random().toString(36).slice(2)}`;
  const signature = new Webhook(key).sign(id, at, body);
  return { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": signature };
}

afterEach(() => vi.unstubAllGlobals());

describe("verifyWebhook (Standard Webhooks)", () => {
  it("accepts what the standardwebhooks library signs and returns the parsed event", async () => {
    const event = await verifyWebhook(secret, payload, signed());
    expect(event).toEqual(JSON.parse(payload));
    expect(await verifyWebhook(secret, new TextEncoder().encode(payload), new Headers(signed()))).toEqual(JSON.parse(payload));
  });

  it("agrees with the library on every rejection", async () => {
    const wh = new Webhook(secret);
    const fresh = signed();
    const cases: [string, Record<string, string>, string, string][] = [
      ["tampered body", signed(), payload.replace("approved", "denied"), "webhook_invalid_signature"],
      ["other secret", signed(new Date(), payload, "whsec_" + Buffer.from("another secret").toString("base64")), payload, "webhook_invalid_signature"],
      ["too old", signed(new Date(Date.now() - 10 * 60_000)), payload, "webhook_timestamp_too_old"],
      ["too new", signed(new Date(Date.now() + 10 * 60_000)), payload, "webhook_timestamp_too_new"],
      ["no signature", { ...signed(), "webhook-signature": "" }, payload, "webhook_missing_headers"],
      ["wrong version", { ...fresh, "webhook-signature": fresh["webhook-signature"].replace("v1,", "v2,") }, payload, "webhook_invalid_signature"],
    ];
    for (const [name, headers, body, code] of cases) {
      expect(() => wh.verify(body, headers), name).toThrow();
      await expect(verifyWebhook(secret, body, headers), name).rejects.toMatchObject({ code, constructor: AegisWebhookVerificationError });
    }
  });

  it("accepts any one of several signatures (secret rotation) and honours a custom tolerance", async () => {
    const headers = signed();
    const rotated = { ...headers, "webhook-signature": `v1,${Buffer.alloc(32).toString("base64")} ${headers["webhook-signature"]}` };
    expect(new Webhook(secret).verify(payload, rotated)).toEqual(JSON.parse(payload));
    await expect(verifyWebhook(secret, payload, rotated)).resolves.toEqual(JSON.parse(payload));
    const old = signed(new Date(Date.now() - 10 * 60_000));
    await expect(verifyWebhook(secret, payload, old, { tolerance: 3600 })).resolves.toBeTruthy();
  });

  it("works without a global WebCrypto (Node 18) through node:crypto", async () => {
    vi.stubGlobal("crypto", undefined);
    expect(globalThis.crypto).toBeUndefined();
    await expect(verifyWebhook(secret, payload, signed())).resolves.toEqual(JSON.parse(payload));
    await expect(verifyWebhook(secret, payload + " ", signed())).rejects.toBeInstanceOf(AegisWebhookVerificationError);
  });
});

describe("verifyWebhook on the server's own deliveries", () => {
  it("verifies an intent.decided delivery to a loopback receiver, and refuses it once altered", async () => {
    const received: { body: string; headers: http.IncomingHttpHeaders }[] = [];
    const receiver = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    try {
      const org = await createOrg();
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
      const created = await fetch(`${inject("baseUrl")}/api/v1/webhook-endpoints`, {
        method: "POST",
        headers: { Authorization: `Bearer ${org.admin.key}`, "Content-Type": "application/json" },
        body: JSON.stringify({ url, events: ["intent.decided"] }),
      });
      const { secret } = await created.json();
      expect(secret).toMatch(/^whsec_/);
      const intent = await client(org.agent.key).intents.submit(submitParams());
      await vi.waitFor(() => expect(received.length).toBeGreaterThan(0), { timeout: 20_000, interval: 100 });

      const [delivery] = received;
      const event = await verifyWebhook<{ id: string; status: string }>(secret, delivery.body, delivery.headers as Record<string, string>);
      expect(event.type).toBe("intent.decided");
      expect(JSON.stringify(event.data)).toContain(intent.id);
      await expect(verifyWebhook(secret, delivery.body.replace(intent.id, "int_forged"), delivery.headers as Record<string, string>)).rejects.toBeInstanceOf(
        AegisWebhookVerificationError,
      );
    } finally {
      await new Promise<void>((r) => receiver.close(() => r()));
    }
  });
});
