import type { Db } from "@/lib/db/client";

/** Placeholder until the demo seed lands: seeds nothing. (Being written now; see issue 2 item 9.) */
export async function seedDemoIfEmpty(_db: Db, _baseUrl: string): Promise<void> {}
