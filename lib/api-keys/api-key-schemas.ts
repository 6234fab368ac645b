import { z } from "zod";
import { idSchema as id } from "@/lib/db/id-schema";

const keyName = z.string().trim().min(1).max(200).optional();
export const CreateApiKeySchema = z.discriminatedUnion("kind", [
  z.strictObject({ orgId: id("orgId"), kind: z.literal("agent"), agentId: id("agentId"), name: keyName }),
  z.strictObject({ orgId: id("orgId"), kind: z.literal("user"), userId: id("userId"), name: keyName }),
]);

export const RevokeApiKeySchema = z.strictObject({ orgId: id("orgId"), keyId: id("keyId") });
export const ListApiKeysSchema = z.strictObject({ orgId: id("orgId"), agentId: id("agentId").optional() });

export type CreateApiKeyInput = z.input<typeof CreateApiKeySchema>;
