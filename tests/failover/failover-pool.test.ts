import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NoSuitableHostError } from "@/lib/db/database-errors";
import { createFailoverPool, type FailoverPool } from "@/lib/db/failover-pool";
import { canManageClusters, createCluster, freeClusterPorts, dropCluster, query, startCluster, type Cluster } from "./support/pg-cluster";

/**
 * The pool's side of a failover, against a PostgreSQL cluster of its own that the test fences
 * (read-only, as pg_auto_failover does to a demoted primary) and whose backends it terminates (as a
 * shutdown does): a connection that meets either is closed, not reused, and the pool looks for a
 * writable host again. The URL's first host has nothing listening: the search passes over it.
 */
// Ten above failover.test.ts's start, so the two files never pick the same free port.
const PG_PORT = freeClusterPorts(Number(process.env.AEGIS_FAILOVER_PG_PORT ?? 5441) + 10, 1);
const NAME = "aegis_failover_c";
let cluster: Cluster | null = null;
let pool: FailoverPool | null = null;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function setReadOnly(on: boolean) {
  await query(cluster!, on ? "ALTER SYSTEM SET default_transaction_read_only = on" : "ALTER SYSTEM RESET default_transaction_read_only");
  await query(cluster!, "SELECT pg_reload_conf()");
  // The reload reaches every backend asynchronously; a new session shows when it has landed.
  for (let i = 0; i < 50; i++) {
    const [{ v }] = await query<{ v: string }>(cluster!, "SELECT current_setting('default_transaction_read_only') AS v");
    if ((v === "on") === on) return;
    await sleep(100);
  }
  throw new Error("the reload did not land");
}

beforeAll(() => {
  const why = canManageClusters();
  if (why) throw new Error(why);
  cluster = createCluster(NAME, PG_PORT, { listen_addresses: "'127.0.0.1'" });
  startCluster(cluster);
  const nobody = PG_PORT + 1;
  pool = createFailoverPool(pg, `postgresql://postgres@127.0.0.1:${nobody},127.0.0.1:${PG_PORT}/postgres?target_session_attrs=read-write&connect_timeout=2`, {
    max: 1,
    attrsForSeveralHosts: "read-write",
  });
}, 120_000);

afterAll(async () => {
  await pool?.end();
  dropCluster(NAME);
}, 60_000);

describe("the failover pool on a real server", () => {
  it("passes over a host that does not answer and keeps the writable one", async () => {
    await pool!.query("CREATE TABLE IF NOT EXISTS fenced (x int)");
    expect(pool!.selector.current).toBe(1);
    expect(pool!.totalCount).toBe(1);
  });

  it("closes a connection whose write met a read-only server, and finds no writable host until it is writable again", async () => {
    await setReadOnly(true);
    const client = await pool!.connect();
    await expect(client.query("INSERT INTO fenced VALUES (1)")).rejects.toMatchObject({ code: "25006" });
    client.release();
    expect(pool!.totalCount).toBe(0); // discarded, not back in the pool
    expect(pool!.selector.current).toBeNull();
    await expect(pool!.query("SELECT 1")).rejects.toBeInstanceOf(NoSuitableHostError);

    await setReadOnly(false);
    await pool!.query("INSERT INTO fenced VALUES (2)");
    expect(pool!.selector.current).toBe(1);
  });

  it("survives the server terminating a checked-out connection (admin shutdown), closes it, and searches again", async () => {
    const client = await pool!.connect();
    const [{ pid }] = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows;
    await query(cluster!, "SELECT pg_terminate_backend($1)", [pid]);
    // The FATAL arrives as an 'error' event on a connection the pool has lent out: without a
    // listener of the connection's own it would be an uncaught exception.
    await expect(client.query("SELECT 1")).rejects.toThrow();
    client.release();
    expect(pool!.totalCount).toBe(0);
    expect(pool!.selector.current).toBeNull();
    const [{ other }] = (await pool!.query<{ other: number }>("SELECT pg_backend_pid() AS other")).rows;
    expect(other).not.toBe(pid);
    expect(pool!.selector.current).toBe(1);
  });

  it("keeps an idle connection warm past pg's 10-second default: the same server process answers after 11 s", async () => {
    const [{ pid }] = (await pool!.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows;
    await sleep(11_000);
    const [{ later }] = (await pool!.query<{ later: number }>("SELECT pg_backend_pid() AS later")).rows;
    expect(later).toBe(pid);
  }, 30_000);
});
