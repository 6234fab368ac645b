import type { Db } from "@/lib/db/client";
import { invalidLink, openLink } from "./redeem-user-link";

/** What the set-password page shows before the person chooses: whose link it is and for what. */
export async function describeUserLink(db: Db, token: string, now = new Date()) {
  const link = await openLink(db, token, now);
  if (!link) throw invalidLink();
  return { purpose: link.purpose as "invite" | "reset", email: link.email, organisation: link.org.name };
}
