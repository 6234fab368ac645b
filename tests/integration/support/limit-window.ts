/**
 * Rate limits count in windows aligned to the minute (lib/limits): a test that fills one waits
 * until the current window has at least `needMs` left, so the window cannot turn mid-test.
 */
export async function awaitFreshWindow(needMs: number, windowMs = 60_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 50));
}
