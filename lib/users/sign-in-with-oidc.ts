import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import type { Role } from "@/lib/generated/prisma/enums";
import type { User } from "@/lib/generated/prisma/client";

export type OidcIdentity = { issuer: string; sub: string; email: string | null; emailVerified: boolean; name: string | null; roleClaim: unknown };
export type OidcSettings = { orgId: string | null };
export type OidcOutcome = { ok: true; user: User; created: boolean } | { ok: false; reason: string };

const RANK: Role[] = ["viewer", "approver", "admin"];

/** The role a claim grants: a role name, or a list (groups) holding role names; the highest wins; anything else grants none. */
export function roleFromClaim(value: unknown): Role | null {
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string").map((v) => v.trim().toLowerCase());
  const found = RANK.filter((r) => values.includes(r));
  return found.length ? found[found.length - 1] : null;
}

/** The organisation single sign-on people join: AEGIS_OIDC_ORG_ID, or the only organisation there is. */
async function targetOrg(db: Db, settings: OidcSettings): Promise<string | null> {
  if (settings.orgId) return (await db.organization.findUnique({ where: { id: settings.orgId }, select: { id: true } }))?.id ?? null;
  const orgs = await db.organization.findMany({ select: { id: true }, take: 2 });
  return orgs.length === 1 ? orgs[0].id : null;
}

/**
 * Issue 17, item 4: a person signing in through the OpenID Provider. Their role comes from
 * the role claim on every sign-in (the provider is the source of truth; no recognised role:
 * no access). They are found by the provider's subject; at their first sign-in an existing
 * person of the organisation with the same, provider-verified email is linked, otherwise a
 * new person is created in the configured organisation. A deactivated person, or an email
 * that belongs to another organisation, gets in nowhere (and learns nothing about why).
 */
export async function signInWithOidc(db: Db, id: OidcIdentity, settings: OidcSettings): Promise<OidcOutcome> {
  const role = roleFromClaim(id.roleClaim);
  if (!role) return { ok: false, reason: "the role claim names no role (admin, approver or viewer)" };
  const subject = `${id.issuer}|${id.sub}`;
  const orgId = await targetOrg(db, settings);
  if (!orgId) return { ok: false, reason: "no organisation to sign in to: set AEGIS_OIDC_ORG_ID" };
  const email = id.email?.trim().toLowerCase() ?? null;

  let user = await db.user.findUnique({ where: { oidcSubject: subject } });
  if (!user && email) {
    const byEmail = await db.user.findUnique({ where: { email } });
    if (byEmail) {
      // Linking hands the account to whoever the provider says owns the address: only a verified one, in this organisation.
      if (byEmail.orgId !== orgId || byEmail.oidcSubject || !id.emailVerified)
        return { ok: false, reason: "the email belongs to an account that cannot be linked" };
      user = byEmail;
    }
  }
  if (user && (user.deactivatedAt || user.orgId !== orgId)) return { ok: false, reason: "the person is deactivated or in another organisation" };
  if (!user && !email) return { ok: false, reason: "the provider sent no email" };

  const created = !user;
  const result = await db.$transaction(async (tx) => {
    let row: User;
    if (user) {
      const changes = { ...(user.oidcSubject ? {} : { oidcSubject: subject }), ...(user.role !== role ? { role } : {}) };
      row = Object.keys(changes).length ? await tx.user.update({ where: { id: user.id }, data: changes }) : user;
      if (user.role !== role) await recordAuditEvent(tx, { orgId, actor: "system", action: "user.role_changed", targetId: user.id, data: { role } });
    } else {
      row = await tx.user.create({
        data: { id: newId("usr"), orgId, email: email!, name: id.name?.trim() || email!.split("@")[0], role, oidcSubject: subject },
      });
      await recordAuditEvent(tx, { orgId, actor: "system", action: "user.created", targetId: row.id, data: { email: row.email, role } });
    }
    await recordAuditEvent(tx, { orgId, actor: "system", action: "user.signed_in_with_sso", targetId: row.id, data: { created, role } });
    return row;
  });
  return { ok: true, user: result, created };
}
