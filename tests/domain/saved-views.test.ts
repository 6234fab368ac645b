import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createSavedView } from "@/lib/saved-views/create-saved-view";
import { deleteSavedView } from "@/lib/saved-views/delete-saved-view";
import { listSavedViews } from "@/lib/saved-views/list-saved-views";
import { renameSavedView } from "@/lib/saved-views/rename-saved-view";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

// Saved views of the intents list are a person's own: per organisation and per person.
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe("saved views", { timeout: 60_000 }, () => {
  it("keeps only the list's filters, search and sort, in one order, and lists a person's own by name", async () => {
    const { people } = await seedOrg(db, { viewer: "viewer" });
    const v = await createSavedView(db, people.viewer, {
      name: "  Big SaaS  ",
      query: "?sort=amount_desc&cursor=abc&evil=1&category=saas&q=figma&min=&status=approved",
    });
    expect(v).toMatchObject({ name: "Big SaaS", query: "q=figma&status=approved&category=saas&sort=amount_desc" });
    await createSavedView(db, people.viewer, { name: "All, newest", query: "sort=newest" });
    expect((await listSavedViews(db, people.viewer)).map((x) => [x.name, x.query])).toEqual([
      ["All, newest", ""],
      ["Big SaaS", "q=figma&status=approved&category=saas&sort=amount_desc"],
    ]);
  });

  it("another person never sees, renames or deletes them; another organisation's id is not found", async () => {
    const { org, people, agent } = await seedOrg(db, { admin: "admin", approver: "approver" });
    const other = await seedOrg(db, { admin: "admin" });
    const mine = await createSavedView(db, people.approver, { name: "Waiting", query: "status=pending_approval" });
    const theirs = await createSavedView(db, other.people.admin, { name: "Theirs", query: "q=x" });

    expect(await listSavedViews(db, people.admin)).toEqual([]); // an admin of the same organisation too
    expect(await code(renameSavedView(db, people.admin, mine.id, { name: "Mine now" }))).toBe("not_found");
    expect(await code(deleteSavedView(db, people.admin, mine.id))).toBe("not_found");
    expect(await code(renameSavedView(db, people.approver, theirs.id, { name: "Taken" }))).toBe("not_found");
    expect(await code(deleteSavedView(db, people.approver, theirs.id))).toBe("not_found");
    expect(await code(deleteSavedView(db, people.approver, "view_doesnotexist"))).toBe("not_found");
    const key = await authenticateApiKey(db, (await createApiKey(db, "system", { orgId: org.id, kind: "agent", agentId: agent.id })).key);
    expect(await code(listSavedViews(db, key))).toBe("forbidden");
    expect(await code(createSavedView(db, key, { name: "Bot view", query: "" }))).toBe("forbidden");

    // Nothing of theirs changed.
    expect(await listSavedViews(db, other.people.admin)).toEqual([theirs]);
    expect(await listSavedViews(db, people.approver)).toEqual([mine]);
  });

  it("renames and deletes the owner's own; a name is unique per person, not across people", async () => {
    const { people } = await seedOrg(db, { a: "approver", b: "approver" });
    const first = await createSavedView(db, people.a, { name: "Mine", query: "q=aws" });
    await createSavedView(db, people.b, { name: "Mine", query: "q=gcp" }); // someone else may use the name
    const second = await createSavedView(db, people.a, { name: "Other", query: "q=gcp" });
    expect(await code(createSavedView(db, people.a, { name: "Mine", query: "" }))).toBe("conflict");
    expect(await code(renameSavedView(db, people.a, second.id, { name: "Mine" }))).toBe("conflict");
    expect(await renameSavedView(db, people.a, first.id, { name: "AWS only" })).toEqual({ id: first.id, name: "AWS only", query: "q=aws" });
    expect(await deleteSavedView(db, people.a, second.id)).toEqual({ id: second.id, deleted: true });
    expect((await listSavedViews(db, people.a)).map((v) => v.name)).toEqual(["AWS only"]);
    expect((await listSavedViews(db, people.b)).map((v) => v.name)).toEqual(["Mine"]);
  });
});
