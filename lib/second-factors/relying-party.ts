import { publicUrl } from "@/lib/env";

/**
 * Who passkeys are made for: the dashboard's public URL (AEGIS_PUBLIC_URL, else NEXTAUTH_URL).
 * The RP ID is its host name, so a passkey works on that site only; browsers accept
 * `localhost` and real domain names, never a bare IP address.
 */
export function relyingParty() {
  const url = new URL(publicUrl());
  return { rpName: "AegisOS Comply", rpID: url.hostname, origin: url.origin };
}
