/**
 * Next.js start-up hook, in every start mode (`npm start`, `next start`, `next dev`): install
 * the request guard (the socket's address on every request), check the environment, migrate,
 * seed (embedded demo), refuse to serve the network while the demo's published password
 * works, start background sweeps, let the hot API routes skip Next.js' router (lib/server/fast-path.ts),
 * and close the database cleanly on SIGTERM/SIGINT (with
 * NEXT_MANUAL_SIG_HANDLE=1, Next leaves the signals to us; an unclosed PGlite runs crash
 * recovery at the next start).
 */
export async function register() {
  // Set by Next.js itself to say which runtime is loading this hook; not configuration.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installRequestGuard } = await import("./scripts/request-guard.mjs");
  installRequestGuard();
  const { env, EnvError, isDevelopment } = await import("@/lib/env");
  try {
    env();
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    // A bad value stops the server before it touches the database, naming every culprit.
    console.error(`[startup] ${e.message}\n[startup] fix these (see the README's environment table) and start again.`);
    process.exit(1);
  }
  const { ensureServerReady } = await import("@/lib/server/ensure-server-ready");
  const { shutdownOnSignals } = await import("@/lib/server/shutdown");
  const { refuseDemoPasswordOnNetwork } = await import("@/lib/server/demo-password-guard");
  const { getDb } = await import("@/lib/db/client");
  shutdownOnSignals();
  await ensureServerReady();
  // Next.js may open its port before or after this hook: check what listens now, and whatever listens later.
  const listening = globalThis as { __aegisListening?: { address: string }[]; __aegisOnListening?: ((l: { address: string }) => void)[] };
  listening.__aegisOnListening?.push((l) => void getDb().then((db) => refuseDemoPasswordOnNetwork(db, [l.address])));
  await refuseDemoPasswordOnNetwork(
    await getDb(),
    (listening.__aegisListening ?? []).map((l) => l.address),
  );
  // Start-up is done: the hot API routes may now skip Next.js' router (not in `next dev`, whose
  // recompiled modules reach requests only through it).
  if (!isDevelopment() && env().AEGIS_FAST_PATH) (await import("@/lib/server/fast-path")).enableFastPath();
}
