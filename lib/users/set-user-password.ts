import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import { changeUser } from "./change-user";
import { BCRYPT_COST } from "./create-user";

const PasswordSchema = z.string().min(8, "password must be at least 8 characters").max(200);

/** Sets a new password (`npm run aegis -- user password`); every session of the user ends. */
export async function setUserPassword(db: Db, actor: Actor, input: { email: string; password: string }) {
  const passwordHash = await bcrypt.hash(PasswordSchema.parse(input.password), BCRYPT_COST);
  return changeUser(db, actor, input.email, { data: { passwordHash }, action: "user.password_changed", audit: {} });
}
