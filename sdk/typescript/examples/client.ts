// client.ts
import { AegisClient } from "@aegis-os/sdk";

// Scripts and agents: one client; it keeps no connections open, so there is nothing to close
export const aegis = new AegisClient({ apiKey: process.env.AEGIS_API_KEY });

// Long-lived service pattern
export const service = new AegisClient({
  apiKey: process.env.AEGIS_API_KEY,
  timeout: 10_000, // milliseconds
});
