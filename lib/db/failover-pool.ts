import type { Client as PgClient, ClientConfig, Pool, PoolConfig } from "pg";
import { isDatabaseUnavailable, NoSuitableHostError } from "./database-errors";
import { parseDatabaseUrl, type ParsedDatabaseUrl, type SessionAttrs } from "./connection-url";
import { HostSelector, satisfies, type ServerRole } from "./host-selector";

/** What this module uses of pg (its default export and its ESM namespace both fit). */
type PgModule = Pick<typeof import("pg"), "Client" | "Pool">;
type Queryable = Pick<PgClient, "query">;

const ROLE_SQL = "SELECT pg_is_in_recovery() AS in_recovery, current_setting('transaction_read_only') = 'on' AS read_only";

async function readRole(client: Queryable): Promise<ServerRole> {
  const { rows } = await client.query<{ in_recovery: boolean; read_only: boolean }>(ROLE_SQL);
  return { inRecovery: rows[0].in_recovery, readOnly: rows[0].read_only };
}

/** How long a connection above the pool's minimum may sit idle before it is closed. */
const IDLE_TIMEOUT_MS = 5 * 60_000;

export type FailoverPoolOptions = {
  max: number;
  /** The session attributes when the URL names several hosts but no target_session_attrs. */
  attrsForSeveralHosts: SessionAttrs;
};

/** The pool plus the selector behind it (tests and health checks ask which host it uses). */
export type FailoverPool = Pool & { selector: HostSelector; parsed: ParsedDatabaseUrl };

/**
 * A pg Pool over a libpq URL with one or several hosts. Each new connection goes to the host the
 * selector chose (probing hosts in order when it has none) and, when the URL asks for a kind of
 * server, checks on that very connection that the host still is one (it may have changed since the
 * probe). A connection that fails the way a failover makes them fail (lib/db/database-errors.ts:
 * admin shutdown, a dropped socket, a read-only answer to a write) is discarded when it is
 * released, never reused, and makes the selector search again: after a standby is promoted, the
 * next connections find it without a restart.
 */
export function createFailoverPool(pg: PgModule, url: string, options: FailoverPoolOptions): FailoverPool {
  const { parsed, selector, FailoverClient, base } = failoverClient(pg, url, options.attrsForSeveralHosts);
  const poolConfig: PoolConfig = {
    ...base,
    connectionString: parsed.urls[0],
    max: options.max,
    Client: FailoverClient,
    // Connections are kept warm: a new server process plans its first statements on the
    // partitioned tables from a cold catalog cache (about 25 ms for the inbox's card probe over
    // eight months, 1.5 ms after) and has none of the prepared statements. pg's default closed
    // every connection idle for 10 s, so a person clicking through the dashboard at their own
    // pace paid that on most pages.
    min: Math.min(2, options.max),
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    // Idle connections do not keep a process alive (a CLI command that ends without closing the
    // pool exits at once instead of after the idle timeout); the server stays up by its listener.
    allowExitOnIdle: true,
  };
  const pool = new pg.Pool(poolConfig) as FailoverPool;
  // The pool's public 'release' event runs before it decides to keep the connection; a client the
  // pool sees as not queryable is closed instead of going back idle.
  pool.on("release", (_err: Error | undefined, client: unknown) => {
    if (client instanceof FailoverClient && client.discard) (client as unknown as { _queryable: boolean })._queryable = false;
  });
  // An idle connection dying (the server stopped) is the pool's to drop; without a listener it would crash the process.
  pool.on("error", (e) => console.warn(`[db] an idle connection failed and was dropped: ${e.message}`));
  return Object.assign(pool, { selector, parsed });
}

/**
 * One connection outside the pool (LISTEN) to the host a libpq URL's rules choose, with the same
 * checks as the pool's. Its owner listens for 'error' and reconnects.
 */
export async function connectOnce(pg: PgModule, url: string, attrsForSeveralHosts: SessionAttrs): Promise<PgClient> {
  const { FailoverClient } = failoverClient(pg, url, attrsForSeveralHosts);
  const client = new FailoverClient({});
  await client.connect();
  return client;
}

function failoverClient(pg: PgModule, url: string, attrsForSeveralHosts: SessionAttrs) {
  const parsed = parseDatabaseUrl(url);
  const attrs: SessionAttrs = parsed.given || parsed.hosts.length === 1 ? parsed.targetSessionAttrs : attrsForSeveralHosts;
  const base: ClientConfig = { connectionTimeoutMillis: parsed.connectTimeoutMs, keepAlive: true };

  const probe = async (index: number): Promise<ServerRole> => {
    const client = new pg.Client({ ...base, connectionString: parsed.urls[index] });
    client.on("error", () => {}); // a probe's failure is its promise's, not the process's
    try {
      await client.connect();
      return await readRole(client);
    } finally {
      await client.end().catch(() => {});
    }
  };
  const selector = new HostSelector(parsed.hosts, attrs, probe);
  const checkRole = attrs !== "any";

  class FailoverClient extends pg.Client {
    /** Set once this connection failed the way a failover makes connections fail: do not reuse it. */
    discard = false;
    private hostIndex: number | null = null;

    constructor(config: ClientConfig = {}) {
      super({ ...config, ...base, connectionString: parsed.urls[0] });
      // Without a listener an error on a checked-out connection (the server died under a query)
      // would be an uncaught exception; the pool adds its own only while the connection is idle.
      this.on("error", (e) => this.noteFailure(e));
      const query = this.query.bind(this) as (...args: unknown[]) => unknown;
      this.query = ((...args: unknown[]) => {
        const last = args.length - 1;
        const callback = args[last];
        if (typeof callback === "function") {
          args[last] = (err: unknown, res: unknown) => {
            if (err) this.noteFailure(err);
            callback(err, res);
          };
        }
        const result = query(...args);
        if (result instanceof Promise) result.catch((e: unknown) => this.noteFailure(e));
        return result;
      }) as PgClient["query"];
    }

    noteFailure(e: unknown) {
      if (!isDatabaseUnavailable(e)) return;
      this.discard = true;
      selector.forget(this.hostIndex);
    }

    override connect(): Promise<PgClient>;
    override connect(callback: ((err: Error) => void) | ((err: null, c: PgClient) => void)): void;
    override connect(callback?: ((err: Error) => void) | ((err: null, c: PgClient) => void)): Promise<PgClient> | void {
      const done = this.connectToChosenHost().then(() => this as PgClient);
      if (!callback) return done;
      done.then((c) => (callback as (err: null, c: PgClient) => void)(null, c), callback as (err: Error) => void);
    }

    private async connectToChosenHost(): Promise<void> {
      const index = await selector.pick();
      const { host, port } = parsed.hosts[index];
      this.hostIndex = index;
      // pg reads these when it opens the socket (Client#_connect), so the pool's client goes where the selector says.
      Object.assign(this, { host, port });
      Object.assign((this as unknown as { connectionParameters: object }).connectionParameters, { host, port });
      try {
        await super.connect();
        if (checkRole && !satisfies(attrs, await readRole(this))) {
          throw new NoSuitableHostError(`${host}:${port} is no longer ${attrs}`);
        }
      } catch (e) {
        selector.forget(index);
        await this.end().catch(() => {});
        throw e;
      }
    }
  }

  return { parsed, selector, FailoverClient, base };
}
