/**
 * Delivery knobs, read from the environment on each use (tests shorten them). Defaults:
 * poll every second, first retry after 5 s doubling up to 2 h, give up after 24 h.
 */
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export const webhookConfig = () => ({
  pollMs: num("AEGIS_WEBHOOK_POLL_MS", 1000),
  retryBaseMs: num("AEGIS_WEBHOOK_RETRY_BASE_MS", 5000),
  retryMaxDelayMs: num("AEGIS_WEBHOOK_RETRY_MAX_DELAY_MS", 2 * 3600_000),
  retryWindowMs: num("AEGIS_WEBHOOK_RETRY_WINDOW_MS", 24 * 3600_000),
  timeoutMs: num("AEGIS_WEBHOOK_TIMEOUT_MS", 10_000),
  /** SSRF guard: private, loopback and link-local addresses are refused unless this is set (tests, local development). */
  allowPrivateUrls: process.env.AEGIS_WEBHOOK_ALLOW_PRIVATE_URLS === "1",
});
