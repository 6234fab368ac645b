import type { Db } from "@/lib/db/client";
import { RoleSchema } from "./user-schemas";
import type { Actor } from "@/lib/auth/principal";
import { changeUser } from "./change-user";

/** Changes what a person may do; their sessions end so the next page is signed in afresh. */
export async function setUserRole(db: Db, actor: Actor, input: { email: string; role: string }) {
  const role = RoleSchema.parse(input.role);
  return changeUser(db, actor, input.email, { data: { role }, action: "user.role_changed", audit: { role } });
}
