import { AegisError, AegisTimeoutError, invalidArgument } from "./errors.js";
import { OPERATIONS } from "./generated/operations.js";
import { callOperation } from "./operation.js";
import { Paginator } from "./pagination.js";
import { READ } from "./retry.js";
import { segment, sleep, type Transport } from "./transport.js";
import { TERMINAL_STATUSES, type Intent, type IntentListFilters, type Page, type SubmitIntentParams } from "./types.js";

/** Longest long-poll the server accepts (GET /intents/{id}?wait=N). */
const MAX_LONG_POLL_S = 30;

export type SubmitOptions = { idempotencyKey?: string };
export type WaitOptions = {
  /** Milliseconds between polls when the server does not long-poll (default 500). */
  pollInterval?: number;
  /** Milliseconds to wait in all (default 15,000; `Infinity` waits for ever). */
  timeout?: number;
};

const isTerminal = (i: Intent) => TERMINAL_STATUSES.includes(i.status);
const idOf = (x: string | { id: string }) => (typeof x === "string" ? x : x?.id);

/** `aegis.intents`: submit, get, list, wait for, capture and void spend intents. */
export class Intents {
  constructor(private readonly transport: Transport) {}

  /**
   * Submits a spend intent (`POST /intents`). An `Idempotency-Key` (a fresh UUID unless you
   * pass one) is sent and reused on every retry, so a retry never creates a second intent;
   * every error thrown here carries `idempotencyKey`.
   */
  async submit(params: SubmitIntentParams, options: SubmitOptions = {}): Promise<Intent> {
    return callOperation(this.transport, OPERATIONS.submitIntent, params, options);
  }

  /** The current state of an intent (`GET /intents/{id}`). */
  async get(id: string): Promise<Intent> {
    return this.fetch(id, 0);
  }

  /** Intents newest first, filtered; iterate with `for await`. */
  list(filters: IntentListFilters = {}): Paginator<Intent> {
    const { limit, pageSize, status, created_after, created_before, ...rest } = filters;
    const query = {
      ...rest,
      status: Array.isArray(status) ? status.join(",") : status,
      created_after: created_after instanceof Date ? created_after.toISOString() : created_after,
      created_before: created_before instanceof Date ? created_before.toISOString() : created_before,
    };
    return new Paginator<Intent>(
      (cursor, size) =>
        this.transport.request<Page<Intent>>({ method: "GET", path: "/intents", query: { ...query, limit: size, cursor: cursor ?? undefined }, policy: READ }),
      { limit, pageSize },
    );
  }

  /**
   * Resolves when the intent is approved, denied or expired. Long-polls the server (up to
   * 30 s per request, so a decision arrives within milliseconds); throws AegisTimeoutError
   * (with `.intent`, the last state seen) when `timeout` passes first.
   */
  async waitForDecision(intent: string | { id: string }, options: WaitOptions = {}): Promise<Intent> {
    const id = idOf(intent);
    segment(id);
    const { pollInterval = 500, timeout = 15_000 } = options;
    if (!(pollInterval >= 0)) throw invalidArgument("pollInterval must be >= 0");
    if (!(timeout >= 0)) throw invalidArgument("timeout must be >= 0");
    const deadline = Date.now() + timeout;
    let longPoll = true;
    let last: Intent | null = null;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        const err = new AegisTimeoutError(`No decision for intent ${id} within ${timeout} ms (status: ${last?.status ?? "unknown"})`, {
          code: "decision_timeout",
        });
        err.intent = last;
        throw err;
      }
      const wait = longPoll ? Math.floor(Math.min(remaining / 1000 + 0.05, MAX_LONG_POLL_S)) : 0;
      const started = Date.now();
      try {
        last = await this.fetch(id, wait);
      } catch (e) {
        if (e instanceof AegisTimeoutError) e.intent = last;
        // A server that rejects ?wait gets plain polling instead.
        if (wait > 0 && e instanceof AegisError && e.statusCode === 400) {
          longPoll = false;
          continue;
        }
        throw e;
      }
      if (isTerminal(last)) return last;
      const heldFor = Date.now() - started;
      if (wait > 0 && heldFor >= wait * 1000 - 250) continue; // the server held it the whole time: ask again at once
      await sleep(Math.max(0, Math.min(pollInterval, deadline - Date.now())));
    }
  }

  /** Reports what an approved intent actually paid; the rest returns to the wallet. A second capture or void is a 409. */
  async capture(id: string, amount: number): Promise<Intent> {
    return callOperation(this.transport, OPERATIONS.captureIntent, { id, amount });
  }

  /** Reports that an approved intent paid nothing: all of it returns to the wallet. */
  async void(id: string, options: { reason?: string } = {}): Promise<Intent> {
    return callOperation(this.transport, OPERATIONS.voidIntent, { id, ...(options.reason ? { reason: options.reason } : {}) });
  }

  private fetch(id: string, wait: number): Promise<Intent> {
    return this.transport.request<Intent>({
      method: "GET",
      path: `/intents/${segment(id)}`,
      query: wait > 0 ? { wait } : undefined,
      policy: READ,
      extraTimeout: wait * 1000,
    });
  }
}
