import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { secureDataDir } from "./secure-data-dir";

const mode = (p: string) => fs.statSync(p).mode & 0o777;
let umask = process.umask();
afterEach(() => process.umask(umask));

describe("secureDataDir", () => {
  it("repairs a world-readable folder and its files, and makes new files private", () => {
    umask = process.umask();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-perm-"));
    fs.chmodSync(dir, 0o755);
    fs.mkdirSync(path.join(dir, "pglite", "base"), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dir, "pglite", "base", "1"), "x", { mode: 0o666 });
    fs.chmodSync(path.join(dir, "pglite", "base", "1"), 0o666);
    fs.writeFileSync(path.join(dir, "admin-token"), "t", { mode: 0o644 });

    expect(secureDataDir(dir)).toBeGreaterThanOrEqual(4);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "pglite"))).toBe(0o700);
    expect(mode(path.join(dir, "pglite", "base"))).toBe(0o700);
    expect(mode(path.join(dir, "pglite", "base", "1"))).toBe(0o600);
    expect(mode(path.join(dir, "admin-token"))).toBe(0o600);

    fs.writeFileSync(path.join(dir, "new-file"), "n");
    fs.mkdirSync(path.join(dir, "new-dir"));
    expect(mode(path.join(dir, "new-file"))).toBe(0o600);
    expect(mode(path.join(dir, "new-dir"))).toBe(0o700);
    expect(secureDataDir(dir)).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
