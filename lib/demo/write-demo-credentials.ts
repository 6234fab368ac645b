import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/config";

export type DemoCredentials = {
  base_url: string;
  organisation: { id: string; name: string };
  users: { email: string; password: string; role: string }[];
  agent_keys: { agent_id: string; agent_name: string; key: string }[];
  user_keys: { email: string; role: string; key: string }[];
};

export const demoCredentialsPath = () => path.join(dataDir(), "demo-credentials.json");

/** The demo's keys are shown once and kept only here (owner-only), like any API key. */
export function writeDemoCredentials(credentials: DemoCredentials): string {
  const file = demoCredentialsPath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2) + "\n", { mode: 0o600 });
  fs.chmodSync(file, 0o600); // writeFileSync's mode applies only when it creates the file
  return file;
}

/** A readable box for the terminal: where to sign in, with what, and the keys. */
export function formatDemoCredentials(c: DemoCredentials, file: string): string {
  const lines = [
    "AegisOS Comply demo is ready",
    "",
    `Dashboard:    ${c.base_url}`,
    `Organisation: ${c.organisation.name} (${c.organisation.id})`,
    "",
    "Sign in (password for every user):",
    ...c.users.map((u) => `  ${u.email.padEnd(22)} ${u.role.padEnd(9)} ${u.password}`),
    "",
    "Agent keys (AEGIS_API_KEY / AEGIS_AGENT_ID for the SDK):",
    ...c.agent_keys.flatMap((a) => [`  ${a.agent_name}`, `    agent_id ${a.agent_id}`, `    key      ${a.key}`]),
    "",
    "User keys (approvals.list / approvals.respond):",
    ...c.user_keys.map((u) => `  ${u.email.padEnd(22)} ${u.key}`),
    "",
    "Keys are shown once. They are kept in:",
    `  ${file}`,
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = "─".repeat(width + 2);
  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${bar}┘`].join("\n");
}
