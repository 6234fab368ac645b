import crypto from "node:crypto";
import type { User } from "@/lib/generated/prisma/client";

/** A browser session's id: random, carried in its signed JWT (`sid`), the key of its second-factor checks. */
export const newSessionId = () => crypto.randomBytes(18).toString("base64url");

/** What a sign-in hands next-auth's jwt callback: who, with which role and session version, in which session. */
export const signedInUser = (user: User, sid: string) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  orgId: user.orgId,
  sv: user.sessionVersion,
  sid,
});
export type SignedInUser = ReturnType<typeof signedInUser>;
