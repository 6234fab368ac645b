"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requestAuditVerification } from "@/lib/audit/request-audit-verification";

/** Queues a full chain check for the background job (or joins the one already open). */
export const requestVerificationAction = defineAction({
  args: [],
  input: z.strictObject({}),
  revalidate: "/audit/verify",
  run: async ({ db, principal }) => ({ id: (await requestAuditVerification(db, principal, principal.orgId)).id }),
});
