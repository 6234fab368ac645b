import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";

/** What every tool of one MCP HTTP request shares: the authenticated caller and the request. */
export type ToolContext = { db: Db; principal: Principal; requestId: string; signal: AbortSignal };
