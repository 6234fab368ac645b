import { env } from "@/lib/env";

/**
 * Delivery knobs (defaults in lib/env.ts: poll every second, first retry after 5 s
 * doubling up to 2 h, give up after 24 h; tests shorten them).
 */
export const webhookConfig = (e = env()) => ({
  pollMs: e.AEGIS_WEBHOOK_POLL_MS,
  retryBaseMs: e.AEGIS_WEBHOOK_RETRY_BASE_MS,
  retryMaxDelayMs: e.AEGIS_WEBHOOK_RETRY_MAX_DELAY_MS,
  retryWindowMs: e.AEGIS_WEBHOOK_RETRY_WINDOW_MS,
  timeoutMs: e.AEGIS_WEBHOOK_TIMEOUT_MS,
  /** Deliveries one instance sends at once, in all and per organisation (lib/jobs/fair-pool.ts). */
  concurrency: { total: e.AEGIS_OUTBOX_CONCURRENCY, perOrg: e.AEGIS_OUTBOX_CONCURRENCY_PER_ORG },
  /** SSRF guard: private, loopback and link-local addresses are refused unless this is set (tests, local development). */
  allowPrivateUrls: e.AEGIS_WEBHOOK_ALLOW_PRIVATE_URLS,
});
