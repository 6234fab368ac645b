import { describe, expect, it } from "vitest";
import { NoSuitableHostError } from "./database-errors";
import { HostSelector, satisfies, type ServerRole } from "./host-selector";

const PRIMARY: ServerRole = { inRecovery: false, readOnly: false };
const STANDBY: ServerRole = { inRecovery: true, readOnly: true };
/** A primary that pg_auto_failover has fenced: not in recovery, but refusing writes. */
const FENCED: ServerRole = { inRecovery: false, readOnly: true };
const hosts = ["h1", "h2", "h3"].map((host) => ({ host, port: 5432 }));

/** Servers whose roles a test changes, as a failover would; records which hosts were probed. */
function cluster(roles: (ServerRole | "down")[]) {
  const probed: number[] = [];
  const probe = async (i: number) => {
    probed.push(i);
    const r = roles[i];
    if (r === "down") throw new Error("connect ECONNREFUSED");
    return r;
  };
  return { roles, probed, probe };
}

describe("satisfies (libpq's target_session_attrs)", () => {
  it.each([
    ["any", [true, true, true]],
    ["read-write", [true, false, false]],
    ["read-only", [false, true, true]],
    ["primary", [true, false, true]],
    ["standby", [false, true, false]],
    ["prefer-standby", [false, true, false]],
  ] as const)("%s accepts [primary, standby, fenced primary] = %j", (attrs, expected) => {
    expect([PRIMARY, STANDBY, FENCED].map((r) => satisfies(attrs, r))).toEqual(expected);
  });
});

describe("HostSelector", () => {
  it("chooses the first host, in order, that answers and is what the URL asks for", async () => {
    const c = cluster(["down", STANDBY, PRIMARY]);
    const s = new HostSelector(hosts, "read-write", c.probe);
    expect(await s.pick()).toBe(2);
    expect(c.probed).toEqual([0, 1, 2]);
  });

  it("remembers its choice, and one search serves every connection that asked at once", async () => {
    const c = cluster([STANDBY, PRIMARY, STANDBY]);
    const s = new HostSelector(hosts, "primary", c.probe);
    expect(await Promise.all([s.pick(), s.pick(), s.pick()])).toEqual([1, 1, 1]);
    expect(await s.pick()).toBe(1);
    expect(c.probed).toEqual([0, 1]);
  });

  it("after a failover, a forgotten choice leads to the promoted standby", async () => {
    const c = cluster([PRIMARY, STANDBY]);
    const s = new HostSelector(hosts.slice(0, 2), "read-write", c.probe);
    expect(await s.pick()).toBe(0);
    c.roles[0] = "down";
    c.roles[1] = PRIMARY; // promoted
    s.forget(0);
    expect(await s.pick()).toBe(1);
  });

  it("does not forget a newer choice when an old connection to the dead host reports late", async () => {
    const c = cluster([PRIMARY, STANDBY]);
    const s = new HostSelector(hosts.slice(0, 2), "read-write", c.probe);
    await s.pick();
    c.roles[0] = "down";
    c.roles[1] = PRIMARY;
    s.forget(0);
    expect(await s.pick()).toBe(1);
    s.forget(0); // a straggler from host 0
    expect(s.current).toBe(1);
  });

  it("prefer-standby takes a standby, else whichever host answers first", async () => {
    expect(await new HostSelector(hosts, "prefer-standby", cluster([PRIMARY, STANDBY, STANDBY]).probe).pick()).toBe(1);
    expect(await new HostSelector(hosts, "prefer-standby", cluster(["down", PRIMARY, PRIMARY]).probe).pick()).toBe(1);
  });

  it("fails with every host's state when none fits, and searches again on the next call", async () => {
    const c = cluster(["down", STANDBY, FENCED]);
    const s = new HostSelector(hosts, "read-write", c.probe);
    const err = await s.pick().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoSuitableHostError);
    expect((err as Error).message).toBe(
      "no database host is read-write: h1:5432 unreachable (connect ECONNREFUSED); h2:5432 is a standby; h3:5432 is read-only",
    );
    c.roles[1] = PRIMARY;
    expect(await s.pick()).toBe(1);
  });
});
