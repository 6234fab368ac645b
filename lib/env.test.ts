import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ENV_NAMES, EnvError, env, parseEnv, publicUrl } from "./env";

describe("parseEnv", () => {
  it("gives every default on an empty environment", () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.AEGIS_SWEEP_INTERVAL_MS).toBe(30_000);
    expect(e.AEGIS_DEMO).toBe(true);
    expect(e.AEGIS_DISABLE_JOBS).toBe(false);
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.AEGIS_DATA_DIR).toBe(".data");
  });

  it("reads numbers, flags and URLs, and treats an empty value as unset", () => {
    const e = parseEnv({
      PORT: " 4400 ",
      AEGIS_DEMO: "0",
      AEGIS_DISABLE_JOBS: "1",
      DATABASE_URL: "",
      AEGIS_AUDIT_CHAIN_INTERVAL_MS: "0",
      SMTP_URL: "smtps://u:p@mail:465",
    });
    expect(e).toMatchObject({ PORT: 4400, AEGIS_DEMO: false, AEGIS_DISABLE_JOBS: true, DATABASE_URL: undefined, AEGIS_AUDIT_CHAIN_INTERVAL_MS: 0 });
    expect(e.SMTP_URL).toBe("smtps://u:p@mail:465");
  });

  it("refuses bad values with every culprit named, never falling back silently", () => {
    let error: unknown;
    try {
      parseEnv({
        AEGIS_SWEEP_INTERVAL_MS: "30s",
        AEGIS_DEMO: "yes",
        PORT: "70000",
        AEGIS_RATE_LIMIT_PER_MINUTE: "-1",
        DATABASE_URL: "mysql://root:hunter2@db/x",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const problems = (error as EnvError).problems.join("\n");
    expect(problems).toContain('AEGIS_SWEEP_INTERVAL_MS="30s": must be a whole number of milliseconds');
    expect(problems).toContain('AEGIS_DEMO="yes": must be 0 or 1');
    expect(problems).toContain('PORT="70000": must be at most 65535');
    expect(problems).toContain("AEGIS_RATE_LIMIT_PER_MINUTE=");
    // A URL that may carry a password is named, not printed.
    expect(problems).toContain("DATABASE_URL=(hidden)");
    expect(problems).not.toContain("hunter2");
  });

  it("derives the public URL from AEGIS_PUBLIC_URL, then NEXTAUTH_URL, then the port", () => {
    expect(publicUrl(parseEnv({ PORT: "4401" }))).toBe("http://localhost:4401");
    expect(publicUrl(parseEnv({ NEXTAUTH_URL: "https://dash.example.com/" }))).toBe("https://dash.example.com");
    expect(publicUrl(parseEnv({ NEXTAUTH_URL: "https://dash.example.com", AEGIS_PUBLIC_URL: "https://aegis.example.com" }))).toBe("https://aegis.example.com");
  });
});

describe("env()", () => {
  const before = process.env.AEGIS_SWEEP_INTERVAL_MS;
  afterEach(() => {
    if (before === undefined) delete process.env.AEGIS_SWEEP_INTERVAL_MS;
    else process.env.AEGIS_SWEEP_INTERVAL_MS = before;
  });

  it("follows process.env when it changes (tests and the benchmark repoint it in process)", () => {
    process.env.AEGIS_SWEEP_INTERVAL_MS = "1234";
    expect(env().AEGIS_SWEEP_INTERVAL_MS).toBe(1234);
    process.env.AEGIS_SWEEP_INTERVAL_MS = "abc";
    expect(() => env()).toThrow(EnvError);
  });
});

describe("the README's environment table", () => {
  const readme = fs.readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Environment variables"), readme.indexOf("\n## ", readme.indexOf("## Environment variables") + 1));
  const documented = [...section.matchAll(/^\| `([A-Z0-9_]+)` +\|/gm)].map((m) => m[1]);

  it("is found", () => expect(documented.length).toBeGreaterThan(10));
  it("names every variable of the schema", () => expect(ENV_NAMES.filter((n) => !documented.includes(n))).toEqual([]));
  it("names no variable the schema lacks", () => expect(documented.filter((n) => !(ENV_NAMES as string[]).includes(n))).toEqual([]));
});
