import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { generateSdkFiles, ROOT } from "@/scripts/generate-sdks";
import { buildApiModel } from "@/scripts/sdk/api-model";

// Both SDKs' models and operation methods are generated from the OpenAPI document; this catches
// an API change before landing (the SDKs' own suites check them against a running server too).
describe("generated SDK files", () => {
  const doc = buildOpenApiDocument("http://localhost:3000");

  it("are what npm run sdk:generate makes of the OpenAPI document (after changing the API: run it, then commit)", { timeout: 60_000 }, async () => {
    const files = await generateSdkFiles(doc);
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(6);
    for (const [file, content] of Object.entries(files)) {
      const committed = fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file), "utf8") : "(missing)";
      expect(committed, `${file} is stale: npm run sdk:generate`).toBe(content);
    }
  });

  it("give every operation of the document a method in both SDKs", async () => {
    const files = await generateSdkFiles(doc);
    const python = files["sdk/python/aegis_os/_generated/api.py"];
    const typescript = files["sdk/typescript/src/generated/operations.ts"];
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) {
      const snake = id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      expect(python, id).toContain(`    def ${snake}(`);
      expect(python, id).toContain(`    async def ${snake}(`);
      expect(typescript, id).toContain(`  ${id}(params`);
    }
  });

  it("type answers as the schema says: required, nullable and enum fields", () => {
    const model = buildApiModel(doc);
    const intent = model.objects.find((o) => o.name === "Intent")!;
    const prop = (name: string) => intent.props.find((p) => p.key === name)!;
    expect(prop("id")).toMatchObject({ required: true, shape: { kind: "string" } });
    expect(prop("status").shape).toMatchObject({
      kind: "literal",
      alias: "IntentStatus",
      values: ["pending", "approved", "denied", "pending_approval", "expired"],
    });
    expect(prop("policy_decision").shape).toEqual({ kind: "nullable", inner: { kind: "object", name: "PolicyDecision" } });
    expect(prop("created_at").shape).toEqual({ kind: "string", format: "date-time" });
    // Inline objects with one shape share one name: the agent's wallet is the Wallet component.
    const agent = model.objects.find((o) => o.name === "Agent")!;
    expect(agent.props.find((p) => p.key === "wallet")!.shape).toEqual({ kind: "nullable", inner: { kind: "object", name: "Wallet" } });
    const submit = model.objects.find((o) => o.name === "SubmitIntentParams")!;
    expect(submit.side).toBe("input");
    expect(submit.props.filter((p) => p.required).map((p) => p.key)).toEqual(["amount", "currency", "reason"]);
  });
});
