/**
 * Next.js start-up hook: migrate, seed (embedded demo), start background sweeps, and
 * close the database cleanly on SIGTERM/SIGINT (with NEXT_MANUAL_SIG_HANDLE=1, Next
 * leaves the signals to us; an unclosed PGlite runs crash recovery at the next start).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureServerReady } = await import("@/lib/server/ensure-server-ready");
  const { shutdownOnSignals } = await import("@/lib/server/shutdown");
  shutdownOnSignals();
  await ensureServerReady();
}
