import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { lithicAdapter } from "@/lib/rails/lithic/lithic-adapter";
import { RailSignatureError, type AuthorizationRequest } from "@/lib/rails/rail-adapter";

/**
 * The Lithic adapter against bodies shaped like Lithic's published types (tests/fixtures/rails/lithic-*.json,
 * each naming its source), signed the way Lithic signs them: Standard Webhooks, with the
 * `standardwebhooks` library the `lithic` package verifies with.
 */
type Fixture = { source: string; payload: Record<string, unknown> & { events?: Record<string, unknown>[] } };
const fixture = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join("tests/fixtures/rails", `lithic-${name}.json`), "utf8"));
const newSecret = () => `whsec_${crypto.randomBytes(24).toString("base64")}`;

function signed(payload: unknown, secret: string, opts: { id?: string; at?: Date } = {}) {
  const body = JSON.stringify(payload);
  const id = opts.id ?? `msg_${crypto.randomUUID()}`;
  const at = opts.at ?? new Date();
  const headers = new Headers({
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  });
  return { body, headers };
}

const parse = (payload: unknown, secret = newSecret(), opts?: { id?: string; at?: Date }) => {
  const { body, headers } = signed(payload, secret, opts);
  return lithicAdapter.parse(body, headers, secret);
};

describe("Lithic fixtures", () => {
  it("each note where their shape comes from", () => {
    const names = fs.readdirSync("tests/fixtures/rails").filter((n) => n.startsWith("lithic-"));
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const n of names) expect(JSON.parse(fs.readFileSync(path.join("tests/fixtures/rails", n), "utf8")).source).toMatch(/lithic/);
  });
});

describe("Lithic signature", () => {
  const asa = fixture("asa-request").payload;

  it("a request Lithic signed is accepted", () => {
    expect(parse(asa).kind).toBe("authorization_request");
  });

  it("a missing header is refused, whichever it is", () => {
    const secret = newSecret();
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
      const { body, headers } = signed(asa, secret);
      headers.delete(name);
      expect(() => lithicAdapter.parse(body, headers, secret)).toThrow(RailSignatureError);
    }
  });

  it("a signature made with another secret is refused", () => {
    const { body, headers } = signed(asa, newSecret());
    expect(() => lithicAdapter.parse(body, headers, newSecret())).toThrow(RailSignatureError);
  });

  it("a body changed after signing is refused", () => {
    const secret = newSecret();
    const { body, headers } = signed(asa, secret);
    expect(() => lithicAdapter.parse(body.replace('"amount": 4200', '"amount": 1').replace("4200", "1"), headers, secret)).toThrow(RailSignatureError);
  });

  it("a stale or future-dated timestamp is refused even with a good signature (replays)", () => {
    const secret = newSecret();
    for (const at of [new Date(Date.now() - 10 * 60_000), new Date(Date.now() + 10 * 60_000)]) {
      const { body, headers } = signed(asa, secret, { at });
      expect(() => lithicAdapter.parse(body, headers, secret)).toThrow(RailSignatureError);
    }
  });

  it("accepts any of several secrets (ASA secret, events secret, a rotation's overlap)", () => {
    const [asaSecret, eventsSecret] = [newSecret(), newSecret()];
    const { body, headers } = signed(asa, eventsSecret);
    expect(lithicAdapter.parse(body, headers, `${asaSecret} ${eventsSecret}`).kind).toBe("authorization_request");
    expect(() => lithicAdapter.parse(body, headers, asaSecret)).toThrow(RailSignatureError);
    expect(() => lithicAdapter.parse(body, headers, "   ")).toThrow(RailSignatureError);
  });

  it("a signed body that is not a Lithic payload is a 400, not a guess", () => {
    const secret = newSecret();
    const { body, headers } = signed({ event_type: "card_authorization.approval_request", token: "t" }, secret);
    expect(() => lithicAdapter.parse(body, headers, secret)).toThrow(expect.objectContaining({ code: "validation_error", status: 400 }));
    const list = signed([asa], secret);
    expect(() => lithicAdapter.parse(list.body, list.headers, secret)).toThrow(AppError);
    const notJson = "not json";
    const id = "msg_x";
    const at = new Date();
    const h = new Headers({
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(id, at, notJson),
    });
    // standardwebhooks parses the body as part of verifying it: a body that is not JSON is never Lithic's.
    expect(() => lithicAdapter.parse(notJson, h, secret)).toThrow(RailSignatureError);
  });
});

describe("Lithic ASA request → authorization", () => {
  const asa = fixture("asa-request").payload;

  it("carries the transaction token, card token, amount, currency and merchant", () => {
    const event = parse(asa, newSecret(), { id: "msg_asa_1" });
    expect(event).toEqual({
      kind: "authorization_request",
      eventId: "msg_asa_1",
      authorizationId: "6f2c1e88-5a4b-4c1e-9a7e-3d2b8c4f1a01",
      cardId: "7ef7d65c-9023-4da3-b113-3b8583fd7951",
      amountMinor: 4200,
      currency: "USD",
      merchant: { name: "OPENAI *API", category: null, mcc: "5734", country: "USA", networkId: "452322000053360" },
      occurredAt: new Date("2026-12-06T17:05:00Z"),
    });
  });

  it("the same request delivered twice is the same event", () => {
    const secret = newSecret();
    const a = parse(asa, secret, { id: "msg_same" });
    const b = parse(asa, secret, { id: "msg_same" });
    expect(a.eventId).toBe(b.eventId);
  });

  it("is recognised without event_type too (the ASA body as first published)", () => {
    const { event_type: _omit, ...legacy } = asa;
    expect(parse(legacy).kind).toBe("authorization_request");
  });

  it("asks the intent to cover a hold larger than the request (fuel, tips)", () => {
    const amounts = asa.amounts as Record<string, unknown>;
    const event = parse({ ...asa, amounts: { ...amounts, hold: { amount: 10_000, currency: "USD" } } });
    expect(event).toMatchObject({ kind: "authorization_request", amountMinor: 10_000 });
  });

  it("balance inquiries, credits and zero-amount checks move no money out: approved without a decision", async () => {
    const amounts = asa.amounts as { cardholder: Record<string, unknown> };
    const cases = [
      { ...asa, status: "BALANCE_INQUIRY" },
      { ...asa, status: "CREDIT_AUTHORIZATION" },
      { ...asa, amounts: { ...amounts, cardholder: { ...amounts.cardholder, amount: 0 }, hold: null } },
    ];
    for (const payload of cases) {
      const event = parse(payload);
      expect(event.kind).toBe("ignored");
      await expectAsaAnswer(lithicAdapter.acknowledge(event), { token: asa.token, result: "APPROVED" });
    }
  });
});

describe("Lithic answer", () => {
  const request = parse(fixture("asa-request").payload) as AuthorizationRequest;

  it("approves with ASA's {token, result: APPROVED}", async () => {
    await expectAsaAnswer(lithicAdapter.answerAuthorization(request, true), { token: request.authorizationId, result: "APPROVED" });
  });

  it("declines with one of ASA's listed results, never a made-up one", async () => {
    await expectAsaAnswer(lithicAdapter.answerAuthorization(request, false), { token: request.authorizationId, result: "UNAUTHORIZED_MERCHANT" });
  });

  it("acknowledges settlement events with a 200", async () => {
    const res = lithicAdapter.acknowledge(parse(fixture("transaction-clearing").payload));
    expect(res.status).toBe(200);
  });
});

describe("Lithic card_transaction.updated → settlement", () => {
  const AUTH = "6f2c1e88-5a4b-4c1e-9a7e-3d2b8c4f1a01";
  const CARD = "7ef7d65c-9023-4da3-b113-3b8583fd7951";

  it("a clearing is a capture of the cleared amount, tied to the authorization", () => {
    expect(parse(fixture("transaction-clearing").payload)).toEqual({
      kind: "transaction",
      eventId: "c3d9e0f4-6b2a-4f8e-9c1d-2a7b5e8f0c22",
      transactionId: "c3d9e0f4-6b2a-4f8e-9c1d-2a7b5e8f0c22",
      authorizationId: AUTH,
      cardId: CARD,
      type: "capture",
      amountMinor: 3900,
      currency: "USD",
      occurredAt: new Date("2026-12-07T09:12:00Z"),
    });
  });

  it("a return is a refund", () => {
    expect(parse(fixture("transaction-return").payload)).toMatchObject({
      kind: "transaction",
      transactionId: "d4e0f1a5-7c3b-4a9f-8d2e-3b8c6f9a1d33",
      authorizationId: AUTH,
      type: "refund",
      amountMinor: 1500,
      currency: "USD",
    });
  });

  it("a void and an expiry release the whole authorization", () => {
    for (const [name, token] of [
      ["transaction-void", "e5f1a2b6-8d4c-4b0a-9e3f-4c9d7a0b2e44"],
      ["transaction-expiry", "f6a2b3c7-9e5d-4c1b-8f4a-5d0e8b1c3f55"],
    ]) {
      expect(parse(fixture(name).payload)).toEqual(
        expect.objectContaining({ kind: "authorization_updated", eventId: token, authorizationId: AUTH, cardId: CARD, status: "reversed", amountMinor: 0 }),
      );
    }
  });

  it("a partial reversal leaves the authorization pending at what is still held", () => {
    const tx = fixture("transaction-void").payload;
    const partial = {
      ...tx,
      status: "PENDING",
      amounts: { ...(tx.amounts as object), hold: { amount: 3000, currency: "USD" } },
      events: tx.events!.map((e) => (e.type === "AUTHORIZATION_REVERSAL" ? { ...e, amount: 1200 } : e)),
    };
    expect(parse(partial)).toMatchObject({ kind: "authorization_updated", status: "pending", amountMinor: 3000, currency: "USD" });
  });

  it("reads the newest event even when the list is not in order, and the same event twice is the same fact", () => {
    const tx = fixture("transaction-clearing").payload;
    const reordered = { ...tx, events: [...tx.events!].reverse() };
    const secret = newSecret();
    const a = parse(reordered, secret, { id: "msg_1" });
    const b = parse(tx, secret, { id: "msg_2" });
    expect(a).toMatchObject({ kind: "transaction", type: "capture" });
    expect(a.eventId).toBe(b.eventId);
  });

  it("a declined clearing moves nothing, and unrelated events are ignored", () => {
    const tx = fixture("transaction-clearing").payload;
    const declined = { ...tx, events: tx.events!.map((e) => (e.type === "CLEARING" ? { ...e, result: "DECLINED" } : e)) };
    expect(parse(declined).kind).toBe("ignored");
    expect(parse({ event_type: "card.created", token: "c1" })).toMatchObject({ kind: "ignored", type: "card.created" });
  });
});

async function expectAsaAnswer(res: Response, body: { token: unknown; result: string }) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  expect(await res.json()).toEqual(body);
}
