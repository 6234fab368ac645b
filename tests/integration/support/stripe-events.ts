import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Stripe from "stripe";
import { inject } from "vitest";

/**
 * Stripe Issuing events for the rail tests: the fixtures (tests/fixtures/rails/stripe-*.json,
 * shaped like Stripe's published objects) with fresh ids and the amounts a test names, signed by
 * the official package (`Stripe.webhooks.generateTestHeaderString`), exactly as Stripe signs them.
 */
const fixture = (name: string) => {
  const doc = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "..", "fixtures", "rails", `stripe-${name}.json`), "utf8"));
  delete doc._source;
  return doc;
};
const rid = (prefix: string) => `${prefix}_${crypto.randomBytes(10).toString("hex")}`;

export const newStripeCardId = () => rid("ic");
export const newWebhookSecret = () => `whsec_${crypto.randomBytes(24).toString("base64url")}`;

export type StripeEvent = { id: string; type: string; data: { object: Record<string, any> } } & Record<string, unknown>;

export function authorizationRequest(o: {
  card: string;
  amount: number;
  currency?: string;
  authorization?: string;
  merchant?: string;
  category?: string;
}): StripeEvent {
  const e = fixture("issuing-authorization-request");
  e.id = rid("evt");
  const a = e.data.object;
  a.id = o.authorization ?? rid("iauth");
  a.card.id = o.card;
  a.currency = (o.currency ?? "usd").toLowerCase();
  a.merchant_currency = a.currency;
  Object.assign(a.pending_request, { amount: o.amount, merchant_amount: o.amount, currency: a.currency, merchant_currency: a.currency });
  if (o.merchant) a.merchant_data.name = o.merchant;
  if (o.category) a.merchant_data.category = o.category;
  e.created = Math.floor(Date.now() / 1000);
  return e;
}

export function authorizationUpdated(o: {
  card: string;
  authorization: string;
  amount: number;
  status: "pending" | "closed" | "reversed" | "expired";
}): StripeEvent {
  const e = fixture("issuing-authorization-updated");
  e.id = rid("evt");
  Object.assign(e.data.object, { id: o.authorization, amount: o.amount, merchant_amount: o.amount, status: o.status });
  e.data.object.card.id = o.card;
  e.created = Math.floor(Date.now() / 1000);
  return e;
}

export function transactionCreated(o: {
  card: string;
  authorization: string | null;
  amount: number;
  type: "capture" | "refund";
  transaction?: string;
}): StripeEvent {
  const e = fixture("issuing-transaction-created");
  e.id = rid("evt");
  // Stripe's sign: a capture takes money from the balance (negative), a refund gives it back.
  const signed = o.type === "capture" ? -o.amount : o.amount;
  Object.assign(e.data.object, {
    id: o.transaction ?? rid("ipi"),
    authorization: o.authorization,
    card: o.card,
    amount: signed,
    merchant_amount: signed,
    type: o.type,
  });
  e.created = Math.floor(Date.now() / 1000);
  return e;
}

/** POSTs an event to a connection's rail endpoint, signed with `secret` (or with the header given). */
export async function sendToRail(
  connectionId: string,
  event: StripeEvent,
  opts: { secret?: string; timestamp?: number; signature?: string | null; baseUrl?: string } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const payload = JSON.stringify(event);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (opts.signature !== null) {
    headers["Stripe-Signature"] =
      opts.signature ?? Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret!, ...(opts.timestamp ? { timestamp: opts.timestamp } : {}) });
  }
  const res = await fetch(`${opts.baseUrl ?? inject("baseUrl")}/api/rails/${connectionId}`, { method: "POST", headers, body: payload });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a plain-text refusal
  }
  return { status: res.status, body, headers: res.headers };
}
