import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { RespondToApprovalSchema } from "@/lib/approvals/approval-schemas";
import { CaptureIntentSchema, SubmitIntentSchema } from "@/lib/intents/intent-schemas";
import { UpdateWalletSchema } from "@/lib/wallets/wallet-schemas";
import { SetAuditRetentionSchema } from "@/lib/audit/audit-schemas";
import { ProposePolicyChangeSchema, RejectPolicyChangeSchema } from "@/lib/policies/policy-change-schemas";
import { AttachCardSchema, CardSettingsSchema, ConnectRailSchema } from "@/lib/rails/rail-schemas";
import { buildOpenApiDocument } from "./openapi";

type Operation = { operationId?: string; requestBody?: { content?: Record<string, { schema: { $ref: string }; example?: unknown }> } };
const doc = buildOpenApiDocument("http://localhost:3000");
const operations = Object.entries(doc.paths as unknown as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op })),
);

describe("OpenAPI document", () => {
  it("names every operation, once", () => {
    expect(operations.filter((o) => !o.op.operationId).map((o) => o.where)).toEqual([]);
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["submitIntent", "getIntent", "listIntents", "listApprovals", "respondToApproval", "listAgents", "getAgent"]));
  });

  it("has request examples that the API itself accepts", () => {
    const schemas: Record<string, z.ZodType> = {
      SubmitIntent: SubmitIntentSchema,
      CaptureIntent: CaptureIntentSchema,
      RespondToApproval: RespondToApprovalSchema,
      UpdateWallet: UpdateWalletSchema,
      SetAuditRetention: SetAuditRetentionSchema,
      ProposePolicyChange: ProposePolicyChangeSchema,
      RejectPolicyChange: RejectPolicyChangeSchema,
      ConnectRail: ConnectRailSchema,
      AttachCard: AttachCardSchema,
      SetCardSettings: CardSettingsSchema,
    };
    const examples = operations.flatMap((o) =>
      Object.values(o.op.requestBody?.content ?? {})
        .filter((c) => c.example !== undefined)
        .map((c) => ({ ...c, where: o.where })),
    );
    expect(examples.map((e) => e.where)).toEqual(
      expect.arrayContaining(["POST /intents", "POST /approvals/{id}", "POST /intents/{id}/capture", "PATCH /agents/{id}/wallet"]),
    );
    for (const e of examples) {
      const name = e.schema.$ref.split("/").pop()!;
      expect(schemas[name], `a zod schema for ${name}`).toBeDefined();
      expect(schemas[name].safeParse(e.example).success, e.where).toBe(true);
    }
  });
});
