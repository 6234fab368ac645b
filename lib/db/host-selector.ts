import { NoSuitableHostError } from "./database-errors";
import type { DbHost, SessionAttrs } from "./connection-url";

/** What a server said about itself: `pg_is_in_recovery()` and `SHOW transaction_read_only`. */
export type ServerRole = { inRecovery: boolean; readOnly: boolean };

/** libpq's target_session_attrs test for one server (prefer-standby's fallback is the selector's). */
export function satisfies(attrs: SessionAttrs, role: ServerRole): boolean {
  switch (attrs) {
    case "any":
      return true;
    case "read-write":
      return !role.readOnly;
    case "read-only":
      return role.readOnly;
    case "primary":
      return !role.inRecovery;
    case "standby":
    case "prefer-standby":
      return role.inRecovery;
  }
}

/** Opens a throwaway connection to one host and reports its role; rejects when it cannot. */
export type Probe = (index: number) => Promise<ServerRole>;

/**
 * Which host of a multi-host URL new connections go to, as libpq chooses: the first, in the URL's
 * order, that answers and satisfies target_session_attrs (prefer-standby: the first standby, else
 * the first that answers). The choice is remembered, so a pool that grows does not probe every host
 * for every connection, and forgotten when a connection to it fails or finds it no longer fits
 * (a failover): the next connection searches again and finds the promoted standby without a
 * restart. Concurrent searches share one.
 */
export class HostSelector {
  private chosen: number | null = null;
  private searching: Promise<number> | null = null;

  constructor(
    readonly hosts: DbHost[],
    readonly attrs: SessionAttrs,
    private readonly probe: Probe,
  ) {}

  /** The host index to connect to: the remembered one, or the result of a search. */
  pick(): Promise<number> {
    if (this.chosen !== null) return Promise.resolve(this.chosen);
    // A single host has nothing to choose between; its connection checks the role itself.
    if (this.hosts.length === 1 && this.attrs === "any") return Promise.resolve((this.chosen = 0));
    if (!this.searching) {
      this.searching = this.search().finally(() => (this.searching = null));
    }
    return this.searching;
  }

  /** Forgets the chosen host if it is still `index` (a newer search may have moved on already). */
  forget(index: number | null = this.chosen): void {
    if (index !== null && this.chosen === index) this.chosen = null;
  }

  get current(): number | null {
    return this.chosen;
  }

  private async search(): Promise<number> {
    const answers: (ServerRole | Error)[] = [];
    for (let i = 0; i < this.hosts.length; i++) {
      answers[i] = await this.probe(i).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      const a = answers[i];
      if (!(a instanceof Error) && satisfies(this.attrs, a)) return (this.chosen = i);
    }
    if (this.attrs === "prefer-standby") {
      const reachable = answers.findIndex((a) => !(a instanceof Error));
      if (reachable >= 0) return (this.chosen = reachable);
    }
    const why = answers.map((a, i) => `${this.hosts[i].host}:${this.hosts[i].port} ${a instanceof Error ? `unreachable (${a.message})` : describe(a)}`);
    throw new NoSuitableHostError(`no database host is ${this.attrs}: ${why.join("; ")}`);
  }
}

const describe = (r: ServerRole) => (r.inRecovery ? "is a standby" : r.readOnly ? "is read-only" : "is a writable primary");
