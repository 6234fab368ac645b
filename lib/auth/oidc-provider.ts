import type { OAuthConfig } from "next-auth/providers/oauth";
import { oidcSettings } from "@/lib/env";

type IdTokenClaims = { sub: string; email?: string; email_verified?: boolean; name?: string; [claim: string]: unknown };

/**
 * Single sign-on through any OpenID Provider (AEGIS_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET):
 * next-auth's OAuth flow with discovery, PKCE, state and nonce, and the claims of the ID
 * token (which must carry the role claim, AEGIS_OIDC_ROLE_CLAIM). Who that is here is decided
 * in auth-options' signIn callback (lib/users/sign-in-with-oidc.ts). None when not configured.
 */
export function oidcProviders(): OAuthConfig<IdTokenClaims>[] {
  const oidc = oidcSettings();
  if (!oidc) return [];
  return [
    {
      id: "oidc",
      name: "Single sign-on",
      type: "oauth",
      wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      profile: (claims) => ({ id: claims.sub, email: claims.email ?? null, name: claims.name ?? null }),
    },
  ];
}
