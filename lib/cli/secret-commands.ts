import { resealSecrets } from "@/lib/crypto/reseal-secrets";
import { generateSecretKey, keyId, secretKeys } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import type { AdminArgs } from "./admin-command-args";

type Command = { usage: string; run: (db: Db, args: AdminArgs) => Promise<unknown> };

/**
 * Stored secrets (README, "Secrets at rest"): a new key for AEGIS_SECRET_KEY, and the re-seal
 * that ends a rotation. Through the running embedded server they use the server's keys.
 */
export const SECRET_COMMANDS: Record<string, Command> = {
  "secrets reseal": {
    usage: "secrets reseal   (after putting a new key first in AEGIS_SECRET_KEY: re-seals every stored secret under it)",
    run: async (db) => {
      const keys = secretKeys();
      return { key_id: keys[0]!.id, keys: keys.map((k) => k.id), columns: await resealSecrets(db, { keys }) };
    },
  },
  "secrets new-key": {
    usage: "secrets new-key   (prints a fresh 32-byte key for AEGIS_SECRET_KEY; stores nothing)",
    run: async () => {
      const key = generateSecretKey();
      return { key, key_id: keyId(Buffer.from(key, "base64")) };
    },
  },
};
