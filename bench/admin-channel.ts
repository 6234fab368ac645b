// The app's admin channel (POST /api/internal/admin, the CLI's way in while a server runs):
// one HTTP call per command instead of a CLI process each, so setting up 10 agents is quick.
import fs from "node:fs";
import path from "node:path";
import type { AppServer } from "./app-server";

export async function adminCall<T = unknown>(app: AppServer, command: string[], args: Record<string, unknown> = {}): Promise<T> {
  const token = fs.readFileSync(path.join(app.env.AEGIS_DATA_DIR!, "admin-token"), "utf8").trim();
  const res = await fetch(`${app.baseUrl}/api/internal/admin`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ command, args }),
    signal: AbortSignal.timeout(600_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`admin ${command.join(" ")}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}
