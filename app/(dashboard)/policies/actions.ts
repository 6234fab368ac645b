"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/lib/auth/require-session";
import { toActionResult } from "@/lib/actions/action-result";
import { validationError } from "@/lib/errors/app-error";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";

/** Saves the policy from the JSON editor; setOrgPolicy validates it and writes the audit event. */
export async function savePolicyAction(text: string) {
  const { db, principal } = await requireSession();
  return toActionResult(async () => {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (e) {
      throw validationError("The policy is not valid JSON", [{ field: "(document)", issue: (e as Error).message }]);
    }
    const saved = await setOrgPolicy(db, principal, principal.orgId, document);
    revalidatePath("/policies");
    return { version: saved.version };
  });
}
