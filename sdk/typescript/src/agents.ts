import { Paginator } from "./pagination.js";
import { READ } from "./retry.js";
import { OPERATIONS } from "./generated/operations.js";
import { callOperation } from "./operation.js";
import type { Transport } from "./transport.js";
import type { Agent, AgentListOptions, Page } from "./types.js";

/** `aegis.agents`: the organisation's agents (an agent key sees only itself). */
export class Agents {
  constructor(private readonly transport: Transport) {}

  list(options: AgentListOptions = {}): Paginator<Agent> {
    return new Paginator<Agent>(
      (cursor, size) =>
        this.transport.request<Page<Agent>>({ method: "GET", path: "/agents", query: { limit: size, cursor: cursor ?? undefined }, policy: READ }),
      options,
    );
  }

  /** Details: risk level and its factors, wallet, spend against budgets, counts. */
  async get(id: string): Promise<Agent> {
    return callOperation(this.transport, OPERATIONS.getAgent, { id });
  }
}
