import { Agents } from "./agents.js";
import { Approvals } from "./approvals.js";
import { invalidArgument } from "./errors.js";
import { Api } from "./generated/operations.js";
import { Intents } from "./intents.js";
import { callOperation } from "./operation.js";
import { DEFAULT_MAX_RETRIES } from "./retry.js";
import { Transport } from "./transport.js";

export type AegisClientOptions = {
  /** An agent key or a user key (`aegis_sk_…`); defaults to `AEGIS_API_KEY`. */
  apiKey?: string;
  /** Defaults to `AEGIS_BASE_URL`, then `http://localhost:3000`. */
  baseUrl?: string;
  /** Milliseconds per HTTP request (default 10,000). */
  timeout?: number;
  /** Retries of a failed request (default 3); see the README for which failures retry. */
  maxRetries?: number;
  /** Your own fetch (tests, proxies); defaults to the global one. */
  fetch?: typeof fetch;
};

/** The AegisOS Comply API: `intents`, `approvals`, `agents`, and every operation on `api`. Holds no connections of its own. */
export class AegisClient {
  readonly intents: Intents;
  readonly approvals: Approvals;
  readonly agents: Agents;
  /** Every operation of the API, one method each, typed from the OpenAPI document. */
  readonly api: Api;
  private readonly transport: Transport;

  constructor(options: AegisClientOptions = {}) {
    const timeout = options.timeout ?? 10_000;
    const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    if (!(timeout > 0)) throw invalidArgument("timeout must be a positive number of milliseconds");
    if (!Number.isInteger(maxRetries) || maxRetries < 0) throw invalidArgument("maxRetries must be a non-negative integer");
    const fetchFn = options.fetch ?? globalThis.fetch;
    if (typeof fetchFn !== "function") throw invalidArgument("No fetch: use Node 18+ or pass options.fetch");
    this.transport = new Transport({
      apiKey: options.apiKey ?? env("AEGIS_API_KEY") ?? "",
      baseUrl: (options.baseUrl ?? env("AEGIS_BASE_URL") ?? "http://localhost:3000").replace(/\/+$/, ""),
      timeout,
      maxRetries,
      fetch: (input, init) => fetchFn(input, init),
    });
    this.intents = new Intents(this.transport);
    this.approvals = new Approvals(this.transport);
    this.agents = new Agents(this.transport);
    this.api = new Api((spec, params, opts) => callOperation(this.transport, spec, params, opts));
  }

  get baseUrl(): string {
    return this.transport.options.baseUrl;
  }

  get timeout(): number {
    return this.transport.options.timeout;
  }
}

/** Environment variables where there are any (Node, Deno, Bun), never in a browser. */
function env(name: string): string | undefined {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env?.[name] || undefined;
}
