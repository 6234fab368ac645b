import bcrypt from "bcryptjs";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import { changeUser } from "./change-user";
import { BCRYPT_COST } from "./create-user";
import { PasswordSchema } from "./user-schemas";

/**
 * Sets a new password (`npm run aegis -- user password`); every session of the user ends.
 * The operator chose it, so the person must choose their own at the next sign-in, unless
 * `mustChange: false` (`--no-forced-change`, for an operator setting their own).
 */
export async function setUserPassword(db: Db, actor: Actor, input: { email: string; password: string; mustChange?: boolean }) {
  const passwordHash = await bcrypt.hash(PasswordSchema.parse(input.password), BCRYPT_COST);
  return changeUser(db, actor, input.email, {
    data: { passwordHash, passwordChangeRequired: input.mustChange !== false, passwordSetById: null, passwordSetAt: new Date() },
    action: "user.password_changed",
    audit: {},
  });
}
