import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import { changeUser } from "./change-user";

/**
 * A person who left: no sign-in, no session, their user keys stop working (401), and no
 * more notifications or emails: mail still waiting for them is marked skipped in the same
 * transaction (notifyUsers and the email sender skip deactivated people from then on).
 */
export async function deactivateUser(db: Db, actor: Actor, input: { email: string }) {
  return changeUser(db, actor, input.email, {
    data: {
      deactivatedAt: new Date(),
      notifications: { updateMany: { where: { emailStatus: { in: ["pending", "digest"] } }, data: { emailStatus: "skipped" } } },
    },
    action: "user.deactivated",
    audit: {},
  });
}
