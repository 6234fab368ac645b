import crypto from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { api } from "./support/http";
import { createOrg, type TestOrg } from "./support/factories";
import { callAction } from "./support/server-actions";
import { signIn } from "./support/session";

/**
 * The dashboard's card-rail actions (Settings → Payment rails, the agent page's Cards) are public
 * POST endpoints like every server action: junk is a validation_error naming the argument, people
 * who are not admins are refused by the server (not only by hidden buttons), and another
 * organisation's card is not found. The secret goes in and never comes back.
 */
type Result = { ok: boolean; code?: string; message?: string; details?: { field: string; issue: string }[]; data?: Record<string, unknown> };
let org: TestOrg;
let other: TestOrg;
const cookies: Record<string, string> = {};
const secret = () => `whsec_${crypto.randomBytes(24).toString("base64url")}`;

beforeAll(async () => {
  [org, other] = await Promise.all([createOrg({ currency: "USD" }), createOrg({ currency: "USD" })]);
  for (const [name, email] of [
    ["admin", org.admin.email],
    ["viewer", org.viewer.email],
    ["approver", org.approver.email],
    ["otherAdmin", other.admin.email],
  ] as const) {
    cookies[name] = (await signIn(email, "correct horse battery")).cookie!;
  }
});

async function call(who: string, action: string, args: unknown[], page: string): Promise<Result> {
  const res = await callAction({ cookie: cookies[who], page, action, args, baseUrl: inject("baseUrl") });
  expect(res.status).toBe(200);
  return res.result as Result;
}
const rails = "/settings/rails";
const agentPage = () => `/agents/${org.agent.id}`;

describe("Payment rails actions", () => {
  it("junk arguments are a validation_error naming the argument", async () => {
    for (const [args, field] of [
      [[{ provider: "paypal", webhookSecret: secret() }], "provider"],
      [[{ provider: "stripe", webhookSecret: 5 }], "webhookSecret"],
      [[{ provider: "stripe", webhookSecret: "short" }], "webhookSecret"],
      [[{ provider: "stripe", webhookSecret: secret(), extra: true }], "(body)"],
    ] as const) {
      const result = await call("admin", "connectRailAction", [...args], rails);
      expect(result, JSON.stringify(args)).toMatchObject({ ok: false, code: "validation_error" });
      if (field !== "(body)") expect(result.details?.map((d) => d.field)).toContain(field);
    }
    expect(await call("admin", "disconnectRailAction", [{ nested: 1 }], rails)).toMatchObject({ ok: false, code: "validation_error" });
  });

  it("viewers and approvers are refused by the server; an admin connects, gets the webhook URL, never the secret, and disconnects", async () => {
    const s = secret();
    for (const who of ["viewer", "approver"]) {
      expect(await call(who, "connectRailAction", [{ provider: "stripe", webhookSecret: s }], rails)).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect((await api(org.admin.key, "GET", "/api/v1/rails")).body.data).toEqual([]);

    const connected = await call("admin", "connectRailAction", [{ provider: "stripe", webhookSecret: s }], rails);
    expect(connected).toMatchObject({ ok: true, data: { object: "rail_connection", provider: "stripe", status: "active" } });
    expect(connected.data!.webhook_url).toMatch(new RegExp(`/api/rails/${connected.data!.id}$`));
    expect(JSON.stringify(connected)).not.toContain(s);

    expect(await call("otherAdmin", "disconnectRailAction", [connected.data!.id], rails)).toMatchObject({ ok: false, code: "not_found" });
    expect(await call("viewer", "disconnectRailAction", [connected.data!.id], rails)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await call("admin", "disconnectRailAction", [connected.data!.id], rails)).toMatchObject({ ok: true, data: { status: "disconnected" } });
  });
});

describe("card settings action", () => {
  it("is refused to viewers and approvers, validated, and saves an admin's tolerance and validity", async () => {
    for (const who of ["viewer", "approver"]) {
      expect(await call(who, "setCardSettingsAction", [{ toleranceBps: 250, validityMinutes: 2_880 }], rails)).toMatchObject({ ok: false, code: "forbidden" });
    }
    const junk = await call("admin", "setCardSettingsAction", [{ toleranceBps: -1, validityMinutes: 2_880 }], rails);
    expect(junk).toMatchObject({ ok: false, code: "validation_error" });
    expect(junk.details?.map((d) => d.field)).toContain("toleranceBps");
    expect(await call("admin", "setCardSettingsAction", [{ toleranceBps: 250, validityMinutes: 2_880 }], rails)).toMatchObject({
      ok: true,
      data: { tolerance_bps: 250, validity_minutes: 2_880 },
    });
    expect((await api(org.agent.key, "GET", "/api/v1/organization/card-settings")).body).toMatchObject({ tolerance_bps: 250, validity_minutes: 2_880 });
  });
});

describe("agent card actions", () => {
  it("junk arguments are a validation_error naming the argument", async () => {
    const base = { agentId: org.agent.id, provider: "stripe", railCardId: "ic_valid123", last4: "" };
    for (const [args, field] of [
      [{ ...base, agentId: "not-an-agent" }, "agentId"],
      [{ ...base, provider: "visa" }, "provider"],
      [{ ...base, railCardId: "ic with spaces" }, "railCardId"],
      [{ ...base, railCardId: 42 }, "railCardId"],
      [{ ...base, last4: "12ab" }, "last4"],
    ] as const) {
      const result = await call("admin", "attachCardAction", [args], agentPage());
      expect(result, JSON.stringify(args)).toMatchObject({ ok: false, code: "validation_error" });
      expect(result.details?.map((d) => d.field)).toContain(field);
    }
    const detached = await call("admin", "detachCardAction", [org.agent.id, ["card_x"]], agentPage());
    expect(detached).toMatchObject({ ok: false, code: "validation_error" });
    expect(detached.details?.map((d) => d.field)).toContain("cardId");
  });

  it("an admin attaches (an empty last-4 is none) and detaches; others are refused or do not find it", async () => {
    const railCardId = `ic_${crypto.randomBytes(8).toString("hex")}`;
    const input = { agentId: org.agent.id, provider: "stripe", railCardId, last4: "" };
    expect(await call("viewer", "attachCardAction", [input], agentPage())).toMatchObject({ ok: false, code: "forbidden" });
    expect(await call("otherAdmin", "attachCardAction", [input], agentPage())).toMatchObject({ ok: false, code: "not_found" });

    const attached = await call("admin", "attachCardAction", [input], agentPage());
    expect(attached).toMatchObject({ ok: true, data: { object: "card", agent_id: org.agent.id, rail_card_id: railCardId, last4: null, detached_at: null } });
    expect(await call("admin", "attachCardAction", [input], agentPage())).toMatchObject({ ok: false, code: "conflict" });

    const cardId = attached.data!.id as string;
    expect(await call("otherAdmin", "detachCardAction", [org.agent.id, cardId], agentPage())).toMatchObject({ ok: false, code: "not_found" });
    expect(await call("approver", "detachCardAction", [org.agent.id, cardId], agentPage())).toMatchObject({ ok: false, code: "forbidden" });
    const detached = await call("admin", "detachCardAction", [org.agent.id, cardId], agentPage());
    expect(detached.ok).toBe(true);
    expect(detached.data!.detached_at).not.toBeNull();
    const listed = await api(org.admin.key, "GET", `/api/v1/agents/${org.agent.id}/cards`);
    expect(listed.body.data).toMatchObject([{ id: cardId, detached_at: expect.any(String) }]);
  });
});
