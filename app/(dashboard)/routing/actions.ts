"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { toActionResult } from "@/lib/actions/action-result";
import { createApproverGroup } from "@/lib/approver-groups/create-approver-group";
import { deleteApproverGroup } from "@/lib/approver-groups/delete-approver-group";
import { requireSession } from "@/lib/auth/require-session";
import { createDelegation } from "@/lib/delegations/create-delegation";
import { endDelegation } from "@/lib/delegations/end-delegation";

/* The domain verbs parse their input with the API's zod schemas; these only check the outer shape. */
const Body = z.record(z.string(), z.unknown());
const Id = z.string().max(64);

async function run<T>(fn: (ctx: Awaited<ReturnType<typeof requireSession>>) => Promise<T>) {
  const ctx = await requireSession();
  const result = await toActionResult(() => fn(ctx));
  if (result.ok) revalidatePath("/routing");
  return result;
}

export async function createApproverGroupAction(body: unknown) {
  return run(async ({ db, principal }) => (await createApproverGroup(db, principal, principal.orgId, Body.parse(body))).name);
}

export async function deleteApproverGroupAction(id: unknown) {
  return run(async ({ db, principal }) => (await deleteApproverGroup(db, principal, principal.orgId, Id.parse(id))).id);
}

export async function createDelegationAction(body: unknown) {
  return run(async ({ db, principal }) => (await createDelegation(db, principal, principal.orgId, Body.parse(body))).to_user.email);
}

export async function endDelegationAction(id: unknown) {
  return run(async ({ db, principal }) => (await endDelegation(db, principal, Id.parse(id))).id);
}
