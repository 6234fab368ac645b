import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import { changeUser } from "./change-user";

/** A person who left: no sign-in, no session, and their user keys stop working (401). */
export async function deactivateUser(db: Db, actor: Actor, input: { email: string }) {
  return changeUser(db, actor, input.email, { data: { deactivatedAt: new Date() }, action: "user.deactivated", audit: {} });
}
