import { ApproverGroupListSchema, ApproverGroupSchema, CreateApproverGroupSchema, UpdateApproverGroupSchema } from "./approver-group-schemas";
import { CreateDelegationSchema, DelegationListSchema, DelegationSchema } from "@/lib/delegations/delegation-schemas";

/** Approval routing's part of the OpenAPI document: approver groups and out-of-office delegations. */
export const routingComponents = {
  ApproverGroup: ApproverGroupSchema,
  ApproverGroupList: ApproverGroupListSchema,
  CreateApproverGroup: CreateApproverGroupSchema,
  UpdateApproverGroup: UpdateApproverGroupSchema,
  Delegation: DelegationSchema,
  DelegationList: DelegationListSchema,
  CreateDelegation: CreateDelegationSchema,
};
export const routingInputComponents = ["CreateApproverGroup", "UpdateApproverGroup", "CreateDelegation"];

type Helpers = { json: (name: string) => object; errors: object; idParam: (description: string) => object };

export function routingPaths({ json, errors, idParam }: Helpers) {
  return {
    "/approver-groups": {
      get: {
        operationId: "listApproverGroups",
        summary: "Approver groups in routing order (the first match routes an approval)",
        responses: { "200": { description: "Groups", ...json("ApproverGroupList") }, ...errors },
      },
      post: {
        operationId: "createApproverGroup",
        summary: "Create an approver group (admin): members, agent / merchant category / amount filters, quorum, escalation",
        requestBody: { required: true, ...json("CreateApproverGroup") },
        responses: { "201": { description: "The group", ...json("ApproverGroup") }, ...errors },
      },
    },
    "/approver-groups/{id}": {
      get: {
        operationId: "getApproverGroup",
        summary: "One approver group",
        parameters: [idParam("grp_… id")],
        responses: { "200": { description: "The group", ...json("ApproverGroup") }, ...errors },
      },
      patch: {
        operationId: "updateApproverGroup",
        summary: "Change an approver group (admin); routed approvals follow the new membership at once",
        parameters: [idParam("grp_… id")],
        requestBody: { required: true, ...json("UpdateApproverGroup") },
        responses: { "200": { description: "The group", ...json("ApproverGroup") }, ...errors },
      },
      delete: {
        operationId: "deleteApproverGroup",
        summary: "Delete an approver group (admin); its pending approvals fall back to role-based answering",
        parameters: [idParam("grp_… id")],
        responses: { "200": { description: "Deleted" }, ...errors },
      },
    },
    "/delegations": {
      get: {
        operationId: "listDelegations",
        summary: "Current and upcoming out-of-office delegations",
        responses: { "200": { description: "Delegations", ...json("DelegationList") }, ...errors },
      },
      post: {
        operationId: "createDelegation",
        summary: "Delegate one's approvals to a colleague for a period (admins may set one for anyone)",
        requestBody: { required: true, ...json("CreateDelegation") },
        responses: { "201": { description: "The delegation", ...json("Delegation") }, ...errors },
      },
    },
    "/delegations/{id}": {
      delete: {
        operationId: "endDelegation",
        summary: "End a delegation now (the record stays)",
        parameters: [idParam("dlg_… id")],
        responses: { "200": { description: "The ended delegation", ...json("Delegation") }, ...errors },
      },
    },
  };
}
