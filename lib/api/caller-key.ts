import type { Principal } from "@/lib/auth/principal";

/** What per-caller limits count by: the API key, or the person of a dashboard session. */
export const callerKey = (p: Principal) => p.keyId ?? `session:${p.kind === "user" ? p.userId : ""}`;
