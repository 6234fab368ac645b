import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { inviteUser } from "@/lib/users/invite-user";
import { listPendingInvitations, revokeInvitation } from "@/lib/users/pending-invitations";
import { redeemUserLink } from "@/lib/users/redeem-user-link";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

const tokenOf = (link: string | null) => link!.split("#")[1];

describe("pending invitations", () => {
  it("lists an open invitation with who sent it until it is redeemed; a withdrawn one's link no longer opens", async () => {
    const s = await seedOrg(db, { admin: "admin", approver: "approver" });
    const kept = await inviteUser(db, s.people.admin, { email: `kept-${s.org.id}@test.local`, name: "Kept Person", role: "viewer" });
    const withdrawn = await inviteUser(db, s.people.admin, { email: `gone-${s.org.id}@test.local`, role: "approver" });

    const listed = await listPendingInvitations(db, s.people.admin);
    const adminName = (await db.user.findUniqueOrThrow({ where: { id: s.people.admin.userId } })).name;
    expect(listed.map((i) => [i.email, i.name, i.role, i.invitedBy])).toEqual([
      [kept.email, "Kept Person", "viewer", adminName],
      [withdrawn.email, null, "approver", adminName],
    ]);

    const gone = listed.find((i) => i.email === withdrawn.email)!;
    await expect(revokeInvitation(db, s.people.admin, gone.id)).resolves.toEqual({ email: withdrawn.email });
    await expect(redeemUserLink(db, tokenOf(withdrawn.link), "a password of theirs")).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("no longer valid"),
    });
    // Withdrawing twice is not found: the link is no longer open.
    await expect(revokeInvitation(db, s.people.admin, gone.id)).rejects.toMatchObject({ code: "not_found" });

    await redeemUserLink(db, tokenOf(kept.link), "a password of theirs");
    expect(await listPendingInvitations(db, s.people.admin)).toEqual([]);
  });

  it("an expired invitation is not listed", async () => {
    const s = await seedOrg(db, { admin: "admin" });
    await inviteUser(db, s.people.admin, { email: `late-${s.org.id}@test.local`, role: "viewer" });
    const eightDaysOn = new Date(Date.now() + 8 * 24 * 3_600_000);
    expect(await listPendingInvitations(db, s.people.admin, eightDaysOn)).toEqual([]);
  });

  it("another organisation's admin neither sees nor withdraws it; an approver may do neither", async () => {
    const s = await seedOrg(db, { admin: "admin", approver: "approver" });
    const other = await seedOrg(db, { admin: "admin" });
    await inviteUser(db, s.people.admin, { email: `mine-${s.org.id}@test.local`, role: "viewer" });
    const [inv] = await listPendingInvitations(db, s.people.admin);
    expect(await listPendingInvitations(db, other.people.admin)).toEqual([]);
    await expect(revokeInvitation(db, other.people.admin, inv.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(listPendingInvitations(db, s.people.approver)).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeInvitation(db, s.people.approver, inv.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await listPendingInvitations(db, s.people.admin)).toHaveLength(1);
  });
});
