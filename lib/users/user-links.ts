import crypto from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import type { Role } from "@/lib/generated/prisma/enums";
import { sendEmail } from "@/lib/notifications/mailer";
import { notificationConfig } from "@/lib/notifications/notification-config";

/**
 * Single-use links for invitations and password resets. The token is 256 random bits, put in
 * the URL's fragment (`/set-password#…`: never sent to a server in a request line, a log or a
 * Referer), and only its SHA-256 is stored, so the database alone opens nothing.
 */
export const LINK_TTL_MS = { invite: 7 * 24 * 3_600_000, reset: 24 * 3_600_000 } as const;
export type LinkPurpose = keyof typeof LINK_TTL_MS;

export const hashLinkToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
export const linkUrl = (token: string) => `${notificationConfig().publicUrl}/set-password#${token}`;
/** Whether links go out by email (SMTP_URL set) rather than being shown once to the admin. */
export const linksAreEmailed = () => notificationConfig().smtpUrl !== null;

/** Stores a new link (only the hash) and returns its token. */
export async function createLink(
  tx: Tx,
  link: { orgId: string; purpose: LinkPurpose; email: string; role?: Role | null; name?: string | null; userId?: string | null; createdById: string | null },
): Promise<{ id: string; token: string }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const id = newId("utk");
  await tx.userToken.create({
    data: {
      id,
      orgId: link.orgId,
      purpose: link.purpose,
      tokenHash: hashLinkToken(token),
      email: link.email,
      role: link.role ?? null,
      name: link.name ?? null,
      userId: link.userId ?? null,
      createdById: link.createdById,
      expiresAt: new Date(Date.now() + LINK_TTL_MS[link.purpose]),
    },
  });
  return { id, token };
}

/** Emails a link to the person it is for. */
export async function emailLink(to: string, purpose: LinkPurpose, orgName: string, token: string): Promise<void> {
  const url = linkUrl(token);
  const [subject, text] =
    purpose === "invite"
      ? [
          `You are invited to ${orgName} on AegisOS Comply`,
          `You have been invited to ${orgName} on AegisOS Comply.\n\nChoose your password here (the link works once, for 7 days):\n${url}`,
        ]
      : [
          `Reset your AegisOS Comply password`,
          `An admin of ${orgName} started a password reset for you.\n\nChoose a new password here (the link works once, for 24 hours):\n${url}\n\nIf you did not expect this, tell your admin.`,
        ];
  await sendEmail(to, subject, text);
}
