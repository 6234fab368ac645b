import type { Metadata } from "next";
import { requireDeveloper } from "../require-developer";
import { Card, CardBody, CardHeader } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { notificationConfig } from "@/lib/notifications/notification-config";

export const metadata: Metadata = { title: "MCP & SDKs" };

function Snippet({ title, description, code }: { title: string; description: string; code: string }) {
  return (
    <Card aria-label={title}>
      <CardHeader title={title} description={description} />
      <CardBody>
        <pre className="overflow-x-auto rounded-lg bg-slate-950 p-4 text-xs leading-relaxed text-slate-100" data-testid="snippet">
          <code>{code}</code>
        </pre>
      </CardBody>
    </Card>
  );
}

/** Copy-ready snippets, filled with this server's public URL (AEGIS_PUBLIC_URL). */
export default async function ConnectPage() {
  await requireDeveloper();
  const url = notificationConfig().publicUrl;
  const mcpJson = JSON.stringify({ mcpServers: { aegis: { url: `${url}/api/mcp`, headers: { Authorization: "Bearer aegis_sk_…" } } } }, null, 2);
  return (
    <>
      <PageHeader title="MCP & SDKs" description={`Connect agents to ${url}. Create an agent key under API keys; it submits intents and can never approve.`} />
      <div className="grid gap-6 xl:grid-cols-2">
        <Snippet
          title="MCP (Cursor, or any Streamable HTTP client)"
          description="~/.cursor/mcp.json — the same API keys, rules and limits as the REST API."
          code={mcpJson}
        />
        <Snippet
          title="MCP (Claude Code)"
          description="Adds the server over HTTP with your key."
          code={`claude mcp add --transport http aegis ${url}/api/mcp \\\n  --header "Authorization: Bearer aegis_sk_…"`}
        />
        <Snippet
          title="TypeScript SDK (@aegis-os/sdk)"
          description="Node 18+ and browsers; zero dependencies."
          code={`import { AegisClient } from "@aegis-os/sdk";

const aegis = new AegisClient({ apiKey: process.env.AEGIS_API_KEY, baseUrl: "${url}" });
const intent = await aegis.intents.submit({
  amount: 12500, currency: "INR", reason: "Monthly SaaS renewal",
  confidence: 0.97, merchant: "Notion", merchant_category: "saas",
});
const decided = await aegis.intents.waitForDecision(intent.id);`}
        />
        <Snippet
          title="Python SDK (aegis-os)"
          description="Standard library only."
          code={`import os
from aegis_os import AegisClient

with AegisClient(api_key=os.environ["AEGIS_API_KEY"], base_url="${url}") as aegis:
    intent = aegis.intents.submit(
        amount=12500, currency="INR", reason="Monthly SaaS renewal",
        confidence=0.97, merchant="Notion", merchant_category="saas",
    )
    decided = aegis.intents.wait_for_decision(intent.id)`}
        />
        <Snippet
          title="Verify a webhook (TypeScript)"
          description="Standard Webhooks signatures; any Standard Webhooks library works too."
          code={`import { verifyWebhook } from "@aegis-os/sdk";

const event = await verifyWebhook(process.env.AEGIS_WEBHOOK_SECRET!, await req.text(), req.headers);
// event.type, event.data — deliveries are at least once: dedupe on the webhook-id header`}
        />
      </div>
    </>
  );
}
