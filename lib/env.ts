import { z } from "zod";
import { DatabaseUrlError, parseDatabaseUrl } from "@/lib/db/connection-url";

/**
 * Every environment variable the app, the CLI and `npm start` read, in one schema: its
 * default and what a valid value is. Nothing else in app/ or lib/ reads `process.env`
 * (lib/env.test.ts checks), and every name here is a row of the README's environment table
 * (the same test checks both directions).
 *
 * A bad value is an error naming the variable, not a silent fallback: the server checks the
 * whole environment first thing at start-up (instrumentation.ts) and exits with the list;
 * the CLI does the same before its command. `scripts/start.mjs` is plain Node that runs
 * before anything TypeScript can load, so it reads its few variables (PORT, HOSTNAME,
 * AEGIS_DATA_DIR, AEGIS_SKIP_BUILD, NEXTAUTH_SECRET/URL, DATABASE_URL) itself; they are in
 * this schema too, so the server it launches validates them a moment later.
 *
 * `env()` re-reads when `process.env` changed (tests and the benchmark point DATABASE_URL
 * and AEGIS_DATA_DIR elsewhere in process), otherwise it returns the parsed copy.
 */

/** An empty value means unset (a `FOO=` line in a shell or compose file). */
const blankIsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const wholeNumber = (fallback: number, min: number, what: string, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^\d+$/, `must be a whole number of ${what}`)
      .transform(Number)
      .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
      .optional()
      .transform((v) => v ?? fallback),
  );

/** `1` turns it on, `0` (or unset) off; anything else is a mistake worth stopping for. */
const flag = (fallback: boolean) =>
  z.preprocess(
    blankIsUnset,
    z
      .enum(["0", "1"], { error: "must be 0 or 1" })
      .optional()
      .transform((v) => (v === undefined ? fallback : v === "1")),
  );

const optionalText = () => z.preprocess(blankIsUnset, z.string().trim().optional());
const text = (fallback: string) => z.preprocess(blankIsUnset, z.string().trim().default(fallback));

const url = (schemes: string[], example: string) =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .refine((v) => {
        try {
          return schemes.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      }, `must be a URL like ${example}`)
      .optional(),
  );

/** Comma-separated http(s) origins (`https://app.example.com`); each must parse as a URL. */
const origins = () =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .refine(
        (v) =>
          v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
            .every((s) => {
              try {
                return ["http:", "https:"].includes(new URL(s).protocol);
              } catch {
                return false;
              }
            }),
        "must be comma-separated origins like https://app.example.com",
      )
      .optional(),
  );

/** A libpq connection URL, several hosts allowed (lib/db/connection-url.ts says what is accepted). */
const databaseUrlSetting = () =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .superRefine((v, ctx) => {
        try {
          parseDatabaseUrl(v);
        } catch (e) {
          ctx.addIssue({ code: "custom", message: e instanceof DatabaseUrlError ? e.message : "must be a URL like postgres://user@host:5432/aegis" });
        }
      })
      .optional(),
  );

const SECOND = 1_000;
const HOUR = 3_600_000;

export const EnvSchema = z.object({
  // Serving
  PORT: wholeNumber(3000, 1, "a TCP port", 65_535),
  HOSTNAME: text("127.0.0.1"),
  NEXTAUTH_SECRET: optionalText(),
  NEXTAUTH_URL: url(["http:", "https:"], "https://aegis.example.com"),
  AEGIS_PUBLIC_URL: url(["http:", "https:"], "https://aegis.example.com"),
  AEGIS_TRUSTED_PROXIES: wholeNumber(0, 0, "proxies"),
  AEGIS_SKIP_BUILD: flag(false),
  // The hot API endpoints served without Next.js' router (lib/server/fast-path.ts); 0 sends them through it.
  AEGIS_FAST_PATH: flag(true),
  // Data
  DATABASE_URL: databaseUrlSetting(),
  DATABASE_READ_URL: databaseUrlSetting(),
  AEGIS_DATA_DIR: text(".data"),
  AEGIS_MIGRATIONS_DIR: optionalText(),
  AEGIS_DB_POOL_SIZE: wholeNumber(10, 1, "connections"),
  // Behind a transaction-pooling PgBouncer: the database itself, for what needs a session of its own
  // (LISTEN, the migrations' advisory lock); and whether statements may be prepared by name.
  DATABASE_DIRECT_URL: databaseUrlSetting(),
  AEGIS_DB_NAMED_STATEMENTS: flag(true),
  AEGIS_DEMO: flag(true),
  AEGIS_SECRET_KEY: optionalText(),
  REDIS_URL: url(["redis:", "rediss:"], "redis://:password@host:6379/0"),
  AEGIS_REDIS_KEY_PREFIX: text("aegis:limits:"),
  // Limits
  AEGIS_RATE_LIMIT_PER_MINUTE: wholeNumber(600, 0, "requests"),
  AEGIS_DASHBOARD_RATE_LIMIT_PER_MINUTE: wholeNumber(600, 0, "requests"),
  AEGIS_LONGPOLL_PER_KEY: wholeNumber(20, 1, "waits"),
  AEGIS_LONGPOLL_PER_PROCESS: wholeNumber(1000, 1, "waits"),
  AEGIS_LONGPOLL_RECHECK_MS: wholeNumber(2 * SECOND, 1, "milliseconds"),
  AEGIS_ADMIN_CHANNEL: flag(false),
  AEGIS_MCP_ALLOWED_ORIGINS: origins(),
  // Background jobs
  AEGIS_DISABLE_JOBS: flag(false),
  AEGIS_SWEEP_INTERVAL_MS: wholeNumber(30 * SECOND, 1, "milliseconds"),
  AEGIS_RECOVERY_INTERVAL_MS: wholeNumber(3 * SECOND, 0, "milliseconds"),
  AEGIS_AUDIT_CHAIN_INTERVAL_MS: wholeNumber(SECOND, 0, "milliseconds"),
  AEGIS_PARTITION_INTERVAL_MS: wholeNumber(60 * 60 * SECOND, 0, "milliseconds"),
  // Second factors: how long a passkey or TOTP check counts for approving above the step-up threshold
  AEGIS_STEP_UP_MAX_AGE_SECONDS: wholeNumber(300, 1, "seconds", 3600),
  // Single sign-on (OpenID Connect); off unless the issuer, client id and secret are all set
  AEGIS_OIDC_ISSUER: url(["https:", "http:"], "https://login.example.com/realms/acme"),
  AEGIS_OIDC_CLIENT_ID: optionalText(),
  AEGIS_OIDC_CLIENT_SECRET: optionalText(),
  AEGIS_OIDC_ROLE_CLAIM: text("aegis_role"),
  AEGIS_OIDC_ORG_ID: optionalText(),
  AEGIS_AUDIT_CHECKPOINT_EVENTS: wholeNumber(10_000, 1, "events"),
  AEGIS_AUDIT_CHECKPOINT_INTERVAL_MS: wholeNumber(10 * 60 * SECOND, 1_000, "milliseconds"),
  AEGIS_TSA_URL: url(["http:", "https:"], "https://freetsa.org/tsr"),
  AEGIS_TSA_TIMEOUT_MS: wholeNumber(10 * SECOND, 1, "milliseconds"),
  // Notifications
  SMTP_URL: url(["smtp:", "smtps:"], "smtp://user:pass@host:587"),
  AEGIS_EMAIL_FROM: text("AegisOS Comply <no-reply@aegis.localhost>"),
  AEGIS_APPROVAL_REMINDER_BEFORE_MS: wholeNumber(12 * HOUR, 1, "milliseconds"),
  AEGIS_NOTIFICATION_DIGEST_EVERY_MS: wholeNumber(24 * HOUR, 1, "milliseconds"),
  AEGIS_EMAIL_TIMEOUT_MS: wholeNumber(30 * SECOND, 1, "milliseconds"),
  // Webhooks
  AEGIS_WEBHOOK_POLL_MS: wholeNumber(SECOND, 1, "milliseconds"),
  AEGIS_WEBHOOK_RETRY_BASE_MS: wholeNumber(5 * SECOND, 1, "milliseconds"),
  AEGIS_WEBHOOK_RETRY_MAX_DELAY_MS: wholeNumber(2 * HOUR, 1, "milliseconds"),
  AEGIS_WEBHOOK_RETRY_WINDOW_MS: wholeNumber(24 * HOUR, 1, "milliseconds"),
  AEGIS_WEBHOOK_TIMEOUT_MS: wholeNumber(10 * SECOND, 1, "milliseconds"),
  AEGIS_WEBHOOK_ALLOW_PRIVATE_URLS: flag(false),
  // The outbox (webhooks and emails)
  AEGIS_OUTBOX_CONCURRENCY: wholeNumber(32, 1, "deliveries"),
  AEGIS_OUTBOX_CONCURRENCY_PER_ORG: wholeNumber(4, 1, "deliveries"),
});

export type Env = z.infer<typeof EnvSchema>;
export const ENV_NAMES = Object.keys(EnvSchema.shape) as (keyof Env)[];

/** Thrown for a bad environment; its message lists every bad variable, one a line. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Values that may carry a password are never echoed into a log. */
const SECRET = new Set<string>([
  "NEXTAUTH_SECRET",
  "DATABASE_URL",
  "DATABASE_READ_URL",
  "DATABASE_DIRECT_URL",
  "SMTP_URL",
  "AEGIS_SECRET_KEY",
  "AEGIS_OIDC_CLIENT_SECRET",
  "REDIS_URL",
]);

export function parseEnv(source: Record<string, string | undefined>): Env {
  const raw = Object.fromEntries(ENV_NAMES.map((name) => [name, source[name]]));
  const result = EnvSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${SECRET.has(name) ? "(hidden)" : JSON.stringify(source[name] ?? "")}: ${issue.message}`;
    }),
  );
}

let cached: { raw: (string | undefined)[]; value: Env } | null = null;

/** The validated environment; throws EnvError when a variable is bad. */
export function env(): Env {
  const raw = ENV_NAMES.map((name) => process.env[name]);
  if (cached && raw.every((v, i) => v === cached!.raw[i])) return cached.value;
  const value = parseEnv(process.env);
  cached = { raw, value };
  return value;
}

/** Where people and SDKs reach this server: AEGIS_PUBLIC_URL, else NEXTAUTH_URL, else localhost:PORT, without a trailing slash. */
export function publicUrl(e: Env = env()): string {
  return (e.AEGIS_PUBLIC_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

/** Single sign-on's settings when it is configured (issuer, client id and secret all set), else null. */
export function oidcSettings(e: Env = env()) {
  if (!e.AEGIS_OIDC_ISSUER || !e.AEGIS_OIDC_CLIENT_ID || !e.AEGIS_OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.AEGIS_OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: e.AEGIS_OIDC_CLIENT_ID,
    clientSecret: e.AEGIS_OIDC_CLIENT_SECRET,
    roleClaim: e.AEGIS_OIDC_ROLE_CLAIM,
    orgId: e.AEGIS_OIDC_ORG_ID ?? null,
  };
}

/**
 * Set by Next.js itself (`next dev` / `next build` / `next start`), not configuration,
 * so not in the schema or the README's table.
 */
export const isDevelopment = () => process.env.NODE_ENV !== "production";
