import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { newWebhookSecret, signWebhook } from "./sign-webhook";

describe("signWebhook", () => {
  const body = JSON.stringify({ type: "intent.decided", timestamp: new Date().toISOString(), data: { id: "int_1" } });

  it("produces headers any Standard Webhooks verifier accepts", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const headers = signWebhook({ id: "msg_1", timestamp: new Date(), body }, [secret]);
    expect(headers["webhook-signature"]).toMatch(/^v1,/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("signs with both secrets during a rotation, so either one verifies", () => {
    const [old, fresh] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signWebhook({ id: "msg_2", timestamp: new Date(), body }, [fresh, old]);
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(old).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(fresh).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("fails verification when the body was changed", () => {
    const secret = newWebhookSecret();
    const headers = signWebhook({ id: "msg_3", timestamp: new Date(), body }, [secret]);
    expect(() => new Webhook(secret).verify(body.replace("int_1", "int_2"), headers)).toThrow();
  });
});
