import fs from "node:fs";
import path from "node:path";

/**
 * The data folder holds the embedded database, the session secret, demo credentials and
 * the admin token: only the server's own user may read it. The umask makes everything this
 * process creates from now on 0700/0600 (PGlite included); the walk repairs what an older
 * version or another umask left readable. Returns how many modes it had to fix.
 */
export function secureDataDir(dir: string): number {
  process.umask(0o077);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return tighten(dir);
}

function tighten(target: string): number {
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) return 0;
  const wanted = stat.isDirectory() ? 0o700 : 0o600;
  let fixed = 0;
  if ((stat.mode & 0o777) !== wanted) {
    fs.chmodSync(target, wanted);
    fixed++;
  }
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(/*turbopackIgnore: true*/ target)) fixed += tighten(path.join(target, entry));
  }
  return fixed;
}
