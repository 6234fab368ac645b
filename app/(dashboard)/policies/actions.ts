"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireSession } from "@/lib/auth/require-session";
import { toActionResult } from "@/lib/actions/action-result";
import { validationError } from "@/lib/errors/app-error";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";

/**
 * Saves the policy from the JSON editor on top of the version the editor loaded;
 * setOrgPolicy validates it, refuses a stale base (409) and writes the audit event.
 */
export async function savePolicyAction(text: string, baseVersion: number) {
  const { db, principal } = await requireSession();
  return toActionResult(async () => {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (e) {
      throw validationError("The policy is not valid JSON", [{ field: "(document)", issue: (e as Error).message }]);
    }
    const saved = await setOrgPolicy(db, principal, principal.orgId, document, z.int().min(0).parse(baseVersion));
    revalidatePath("/policies");
    return { version: saved.version };
  });
}
