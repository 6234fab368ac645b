import { afterEach, describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { AegisWebhookVerificationError, verifyWebhook } from "@aegis-os/sdk";

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
