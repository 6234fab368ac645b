import { invalidArgument } from "./errors.js";
import { Paginator } from "./pagination.js";
import { OPERATIONS } from "./generated/operations.js";
import { callOperation } from "./operation.js";
import { READ } from "./retry.js";
import type { Transport } from "./transport.js";
import type { Approval, ApprovalDecision, ApprovalListOptions, Page } from "./types.js";

/** `aegis.approvals`: what waits for the calling person, and their answer (user keys only). */
export class Approvals {
  constructor(private readonly transport: Transport) {}

  /** Pending approvals the caller may answer, oldest first (or `sort: "amount"`). */
  list(options: ApprovalListOptions = {}): Paginator<Approval> {
    const { limit, pageSize, sort } = options;
    return new Paginator<Approval>(
      (cursor, size) =>
        this.transport.request<Page<Approval>>({ method: "GET", path: "/approvals", query: { sort, limit: size, cursor: cursor ?? undefined }, policy: READ }),
      { limit, pageSize },
    );
  }

  /** Approve or reject; `id` is the approval's `apr_…` id or the intent's `int_…` id. Exactly one answer wins (else 409). */
  async respond(id: string, decision: ApprovalDecision, options: { comment?: string } = {}): Promise<Approval> {
    if (typeof decision !== "string" || !decision.trim()) throw invalidArgument("decision must be approve or reject");
    const body = options.comment === undefined ? { decision } : { decision, comment: options.comment };
    return callOperation(this.transport, OPERATIONS.respondToApproval, { id, ...body });
  }
}
