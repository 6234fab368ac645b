import type { TestProject } from "vitest/node";
import { startAppServer, testPort } from "../../../../tests/integration/support/app-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

/** The real app on a fresh embedded database (the repository's integration-test launcher). */
export default async function setup(project: TestProject) {
  const server = await startAppServer({
    port: testPort(20),
    env: {
      AEGIS_SWEEP_INTERVAL_MS: "1000",
      AEGIS_RATE_LIMIT_PER_MINUTE: "600",
      // verifyWebhook is also checked against real deliveries to a loopback receiver.
      AEGIS_WEBHOOK_ALLOW_PRIVATE_URLS: "1",
      AEGIS_WEBHOOK_POLL_MS: "200",
    },
  });
  project.provide("baseUrl", server.baseUrl);
  project.provide("dataDir", server.dataDir);
  return () => server.stop();
}
