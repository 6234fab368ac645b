import { beforeAll, describe, expect, inject, it } from "vitest";
import { createOrg, type TestOrg } from "./support/factories";
import { callAction } from "./support/server-actions";
import { raw, signIn } from "./support/session";

// Saved views through the dashboard's server actions, as a browser posts them: a person's own,
// invisible to everyone else, and "not found" to another person or organisation.
const baseUrl = () => inject("baseUrl");
type Result = { ok: boolean; code?: string; details?: { field: string }[]; data?: { id: string; name: string; query: string } };

let a: TestOrg;
let b: TestOrg;
const cookies: Record<string, string> = {};
const call = async (who: string, action: string, args: unknown[]) => {
  const res = await callAction({ cookie: cookies[who], page: "/intents", action, args, baseUrl: baseUrl() });
  expect(res.status).toBe(200);
  return res.result as Result;
};
const intentsPage = async (who: string, query = "") => (await raw("GET", `/intents${query}`, { headers: { cookie: cookies[who] }, baseUrl: baseUrl() })).body;

beforeAll(async () => {
  [a, b] = await Promise.all([createOrg(), createOrg()]);
  for (const [who, email] of [
    ["owner", a.approver.email],
    ["colleague", a.admin.email],
    ["stranger", b.admin.email],
  ] as const)
    cookies[who] = (await signIn(email, "correct horse battery")).cookie!;
});

describe("saved views of the intents list", () => {
  it("are the owner's alone: another person or organisation gets not_found and never sees the name", async () => {
    const saved = await call("owner", "saveViewAction", ["Over ten thousand", "?min=10000&status=approved&cursor=zzz"]);
    expect(saved).toMatchObject({ ok: true, data: { name: "Over ten thousand", query: "status=approved&min=10000" } });
    const id = saved.data!.id;

    expect(await intentsPage("owner")).toContain("Over ten thousand");
    expect(await intentsPage("colleague")).not.toContain("Over ten thousand");
    expect(await intentsPage("stranger")).not.toContain("Over ten thousand");

    for (const who of ["colleague", "stranger"]) {
      expect(await call(who, "renameViewAction", [id, "Mine now"])).toMatchObject({ ok: false, code: "not_found" });
      expect(await call(who, "deleteViewAction", [id])).toMatchObject({ ok: false, code: "not_found" });
    }
    // Still there, under its own name; the owner opening it sees it marked as the open view.
    expect(await intentsPage("owner", "?status=approved&min=10000")).toMatch(/aria-current="page"[^>]*>(<[^>]+>)*Over ten thousand/);
    expect(await call("owner", "deleteViewAction", [id])).toMatchObject({ ok: true });
    expect(await intentsPage("owner")).not.toContain("Over ten thousand");
  });

  it("junk arguments are a validation_error naming the argument", async () => {
    expect((await call("owner", "saveViewAction", [5, ""])).details?.map((d) => d.field)).toContain("name");
    expect((await call("owner", "saveViewAction", ["  ", ""])).code).toBe("validation_error");
    expect((await call("owner", "renameViewAction", ["view_x", "x".repeat(61)])).details?.map((d) => d.field)).toContain("name");
    expect((await call("owner", "deleteViewAction", ["../etc"])).details?.map((d) => d.field)).toContain("viewId");
  });
});
