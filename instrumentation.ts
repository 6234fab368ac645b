/**
 * Next.js start-up hook: check the environment, migrate, seed (embedded demo), start
 * background sweeps, and close the database cleanly on SIGTERM/SIGINT (with
 * NEXT_MANUAL_SIG_HANDLE=1, Next leaves the signals to us; an unclosed PGlite runs crash
 * recovery at the next start).
 */
export async function register() {
  // Set by Next.js itself to say which runtime is loading this hook; not configuration.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, EnvError } = await import("@/lib/env");
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
  shutdownOnSignals();
  await ensureServerReady();
}
