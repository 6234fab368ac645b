"use server";

import { z } from "zod";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { CreateApproverGroupSchema, GroupMatchSchema, UpdateApproverGroupSchema } from "@/lib/approver-groups/approver-group-schemas";
import { previewApproverGroup } from "@/lib/approver-groups/preview-approver-group";
import { updateApproverGroup } from "@/lib/approver-groups/update-approver-group";
import { createApproverGroup } from "@/lib/approver-groups/create-approver-group";
import { deleteApproverGroup } from "@/lib/approver-groups/delete-approver-group";
import { CreateDelegationSchema } from "@/lib/delegations/delegation-schemas";
import { createDelegation } from "@/lib/delegations/create-delegation";
import { endDelegation } from "@/lib/delegations/end-delegation";

/** Approver groups and delegations: the same schemas as POST /api/v1/approver-groups and /delegations. */
export const createApproverGroupAction = defineAction({
  input: CreateApproverGroupSchema,
  revalidate: "/routing",
  run: async ({ db, principal }, group) => (await createApproverGroup(db, principal, principal.orgId, group)).name,
});

export const updateApproverGroupAction = defineAction({
  args: ["id", "changes"],
  input: z.strictObject({ id: ActionIdSchema, changes: UpdateApproverGroupSchema }),
  revalidate: "/routing",
  run: async ({ db, principal }, { id, changes }) => (await updateApproverGroup(db, principal, principal.orgId, id, changes)).name,
});

/** What a group with these filters would catch, before it is saved. */
export const previewApproverGroupAction = defineAction({
  input: GroupMatchSchema,
  run: async ({ db, principal }, filters) => previewApproverGroup(db, principal, filters),
});

export const deleteApproverGroupAction = defineAction({
  args: ["id"],
  input: z.strictObject({ id: ActionIdSchema }),
  revalidate: "/routing",
  run: async ({ db, principal }, { id }) => (await deleteApproverGroup(db, principal, principal.orgId, id)).id,
});

export const createDelegationAction = defineAction({
  input: CreateDelegationSchema,
  revalidate: "/routing",
  // The verb parses its API body again: give it the instants back as ISO text.
  run: async ({ db, principal }, d) =>
    (await createDelegation(db, principal, principal.orgId, { ...d, starts_at: d.starts_at.toISOString(), ends_at: d.ends_at.toISOString() })).to_user.email,
});

export const endDelegationAction = defineAction({
  args: ["id"],
  input: z.strictObject({ id: ActionIdSchema }),
  revalidate: "/routing",
  run: async ({ db, principal }, { id }) => (await endDelegation(db, principal, id)).id,
});
