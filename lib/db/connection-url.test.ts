import { describe, expect, it } from "vitest";
import { DatabaseUrlError, parseDatabaseUrl, redactDatabaseUrl } from "./connection-url";

describe("parseDatabaseUrl (libpq URLs, several hosts)", () => {
  it("reads a single-host URL as node-postgres would, with libpq's defaults", () => {
    const p = parseDatabaseUrl("postgres://aegis:s3cret@db.internal/aegis?sslmode=require");
    expect(p.hosts).toEqual([{ host: "db.internal", port: 5432 }]);
    expect(p.targetSessionAttrs).toBe("any");
    expect(p.given).toBe(false);
    expect(p.urls).toEqual(["postgresql://aegis:s3cret@db.internal:5432/aegis?sslmode=require"]);
    expect(p.connectTimeoutMs).toBe(5_000);
  });

  it("splits a host list, each with its own port, and keeps every other parameter on each host's URL", () => {
    const p = parseDatabaseUrl("postgresql://app:pw@h1:5432,h2:5433,h3/aegis?target_session_attrs=read-write&application_name=gate&connect_timeout=3");
    expect(p.hosts).toEqual([
      { host: "h1", port: 5432 },
      { host: "h2", port: 5433 },
      { host: "h3", port: 5432 },
    ]);
    expect(p.targetSessionAttrs).toBe("read-write");
    expect(p.given).toBe(true);
    expect(p.connectTimeoutMs).toBe(3_000);
    expect(p.urls[1]).toBe("postgresql://app:pw@h2:5433/aegis?application_name=gate");
  });

  it("takes bracketed IPv6 hosts and percent-encoded parts", () => {
    const p = parseDatabaseUrl("postgresql://u%40x:p%2Fw@[::1]:5441,[fe80::2]/my%20db?target_session_attrs=primary");
    expect(p.hosts).toEqual([
      { host: "::1", port: 5441 },
      { host: "fe80::2", port: 5432 },
    ]);
    expect(p.urls[0]).toBe("postgresql://u%40x:p%2Fw@[::1]:5441/my%20db");
  });

  it("takes hosts and ports as query parameters; one port serves every host", () => {
    expect(parseDatabaseUrl("postgresql:///aegis?host=a,b&port=6432").hosts).toEqual([
      { host: "a", port: 6432 },
      { host: "b", port: 6432 },
    ]);
    expect(parseDatabaseUrl("postgresql:///aegis?host=a,b&port=1,2").hosts).toEqual([
      { host: "a", port: 1 },
      { host: "b", port: 2 },
    ]);
  });

  it.each(["any", "read-write", "read-only", "primary", "standby", "prefer-standby"])("accepts target_session_attrs=%s", (attrs) => {
    expect(parseDatabaseUrl(`postgresql://h1,h2/db?target_session_attrs=${attrs}`).targetSessionAttrs).toBe(attrs);
  });

  it.each([
    ["mysql://root@db/x", "must be a URL like"],
    ["postgresql://h1:5432,h2:99999/db", "port"],
    ["postgresql://h1:x/db", "port"],
    ["postgresql://h1,,h2/db", "must name a host"],
    ["postgresql:///db", "must name a host"],
    ["postgresql://h1,h2/db?target_session_attrs=writable", "target_session_attrs must be one of"],
    ["postgresql:///db?host=a,b,c&port=1,2", "2 ports for 3 hosts"],
    ["postgresql://h1/db?host=h2", "twice"],
    ["postgresql://h1/db?connect_timeout=soon", "connect_timeout"],
  ])("refuses %s, saying why", (url, why) => {
    expect(() => parseDatabaseUrl(url)).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl(url)).toThrow(why);
  });

  it("never puts the password in an error, and redacts it for logs", () => {
    try {
      parseDatabaseUrl("postgresql://app:hunter2@h1:0/db");
    } catch (e) {
      expect((e as Error).message).not.toContain("hunter2");
    }
    expect(redactDatabaseUrl("postgresql://app:hunter2@h1,h2/db")).toBe("postgresql://app:***@h1,h2/db");
  });
});
