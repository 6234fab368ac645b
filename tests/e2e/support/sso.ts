/** The OpenID Provider the single sign-on spec starts, and the client the e2e server is configured with. */
export const ssoIssuer = () => `http://localhost:${Number(process.env.AEGIS_E2E_PORT ?? 3300) + 1}`;
export const SSO_CLIENT = {
  client_id: "aegis-e2e",
  client_secret: "e2e-only-client-secret",
  redirect_uris: [`http://localhost:${Number(process.env.AEGIS_E2E_PORT ?? 3300)}/api/auth/callback/oidc`],
};
