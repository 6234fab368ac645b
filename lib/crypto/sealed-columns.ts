/**
 * Every column holding a secret we must read back, stored sealed with the secret box
 * (lib/crypto/secret-box.ts). A new one is a line here: start-up then seals any plain value in
 * it (lib/crypto/seal-plain-secrets.ts), and `npm run aegis -- secrets reseal` re-seals it under
 * the current first key after a rotation. Names are SQL identifiers, never input.
 */
export const SEALED_COLUMNS: readonly { table: string; column: string }[] = [
  { table: "webhook_endpoints", column: "secret" },
  { table: "webhook_endpoints", column: "previous_secret" },
  { table: "rail_connections", column: "webhook_secret" },
];
