/**
 * The admin CLI: `npm run aegis -- <command> [options]` (see --help).
 * On the embedded database the running server owns the data folder (PGlite does not
 * lock it), so commands go through the server; otherwise the CLI opens the database.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { toAppError } from "@/lib/api/error-response";
import { adminUsage, runAdminCommand, type AdminArgs } from "@/lib/cli/run-admin-command";
import { formatAdminResult } from "@/lib/cli/format-admin-result";
import { databaseKind } from "@/lib/db/config";
import { env, EnvError } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { readAdminToken, runningServer, serverInfoPath } from "@/lib/server/server-info";
import { formatDemoCredentials, type DemoCredentials } from "@/lib/demo/write-demo-credentials";
import { bodyLines, STREAM_HEADER, StreamedResult } from "@/lib/cli/streamed-result";

/** Every --option named in a command's usage line takes a value (so a new command needs no edit here). */
const STRING_OPTIONS = [...new Set(adminUsage().flatMap((u) => [...u.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1])))].filter((o) => o !== "json");
type OptionSpec = { type: "string" | "boolean"; short?: string };
const options: Record<string, OptionSpec> = {
  ...Object.fromEntries(STRING_OPTIONS.map((o) => [o, { type: "string" }])),
  json: { type: "boolean" },
  "reject-pending": { type: "boolean" },
  "no-forced-change": { type: "boolean" },
  help: { type: "boolean", short: "h" },
};

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch (e) {
    return fail(new AppError("validation_error", (e as Error).message), process.argv.includes("--json"));
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const json = values.json === true;
  if (values.help || positionals.length === 0) {
    console.log(
      ["Usage: npm run aegis -- <command> [--json]", "", ...adminUsage().map((u) => `  ${u}`), "", "Amounts are in minor units (paise, cents)."].join("\n"),
    );
    return 0;
  }
  try {
    env(); // a bad variable is named before any command runs
  } catch (e) {
    if (e instanceof EnvError) return fail(new AppError("validation_error", e.message), json);
    throw e;
  }
  const args: AdminArgs = Object.fromEntries(Object.entries(values).filter(([k]) => k !== "json" && k !== "help" && k !== "file" && k !== "out"));
  const out = typeof values.out === "string" ? values.out : undefined;
  // An audit export written to a file is the evidence file unless another format is asked for.
  if (out && positionals.join(" ") === "audit export" && args.format === undefined) args.format = "evidence";
  try {
    if (typeof values.file === "string") args.policy = readPolicyFile(values.file);
    const result = await execute(positionals, args, json);
    if (result instanceof StreamedResult) return await writeStream(result, out, json);
    if (out) {
      fs.writeFileSync(out, typeof result === "string" ? result : JSON.stringify(result, null, 2));
      console.log(json ? JSON.stringify({ out }) : `Wrote ${out}`);
    } else console.log(json ? JSON.stringify(result, null, 2) : humanReadable(positionals, result));
    // A broken audit chain is a failure a script or cron job must notice.
    const brokenChain = positionals.join(" ") === "audit verify" && Array.isArray(result) && result.some((r) => !r.ok);
    return brokenChain ? 1 : 0;
  } catch (e) {
    return fail(e, json);
  }
}

/** A streamed result (an audit export) line by line into --out, or to stdout. */
async function writeStream(result: StreamedResult, out: string | undefined, json: boolean): Promise<number> {
  const target: NodeJS.WritableStream = out ? fs.createWriteStream(out) : process.stdout;
  let lines = 0;
  let bytes = 0;
  for await (const chunk of result.lines) {
    lines += chunk.split("\n").length - 1;
    bytes += Buffer.byteLength(chunk);
    if (!target.write(chunk)) await new Promise<void>((r) => target.once("drain", () => r()));
  }
  if (out) {
    await new Promise<void>((resolve, reject) => (target as fs.WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())));
    console.log(json ? JSON.stringify({ out, lines, bytes }) : `Wrote ${lines} lines (${bytes} bytes) to ${out}; check it with: npx aegis-audit-verify ${out}`);
  }
  return 0;
}

function readPolicyFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new AppError("validation_error", `Cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("invalid_json", `${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Through the running embedded server when there is one; else straight to the database. */
async function execute(command: string[], args: AdminArgs, quiet: boolean): Promise<unknown> {
  const server = databaseKind() === "pglite" ? runningServer() : null;
  if (server) {
    if (!quiet) console.error(`(through the running server at ${server.url})`);
    return viaServer(server.url, server.pid, command, args);
  }
  const { migrate } = await import("@/lib/db/migrate");
  const { getDb, disconnectDb } = await import("@/lib/db/client");
  const { closeRaw } = await import("@/lib/db/raw-sql");
  const close = async () => {
    await disconnectDb().catch(() => {});
    await closeRaw().catch(() => {});
  };
  let streaming = false;
  try {
    await migrate();
    const result = await runAdminCommand(await getDb(), command, args);
    if (!(result instanceof StreamedResult)) return result;
    // A streamed result reads the database while it is written out: close it after the last line.
    streaming = true;
    return new StreamedResult(
      (async function* () {
        try {
          yield* result.lines;
        } finally {
          await close();
        }
      })(),
    );
  } finally {
    if (!streaming) await close();
  }
}

async function viaServer(url: string, pid: number, command: string[], args: AdminArgs): Promise<unknown> {
  const token = readAdminToken();
  const notAnswering = (why: string) =>
    new AppError(
      "unavailable",
      `A server (pid ${pid}) is recorded at ${url} in ${serverInfoPath()} but ${why}. The CLI will not open the embedded ` +
        "database beside a running server. Wait for it to start, stop it, or delete that file if the server is gone.",
    );
  if (!token) throw notAnswering("its admin token is missing");
  let res: Response;
  try {
    res = await fetch(`${url}/api/internal/admin`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ command, args }),
      signal: AbortSignal.timeout(120_000),
    });
  } catch (e) {
    throw notAnswering(`does not answer (${(e as Error).cause ? String((e as { cause: Error }).cause.message) : (e as Error).message})`);
  }
  if (res.ok && res.headers.get(STREAM_HEADER) && res.body) return new StreamedResult(bodyLines(res.body));
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: [] } } | null;
  if (res.status === 404 && !body?.error) throw notAnswering("it has no admin endpoint (is it an older build?)");
  if (!res.ok) {
    const err = body?.error;
    throw new AppError((err?.code as "internal_error") ?? "internal_error", err?.message ?? `The server answered ${res.status}`, err?.details ?? []);
  }
  return body;
}

function humanReadable(command: string[], result: unknown): string {
  if (command.join(" ") === "demo seed") {
    const r = result as { credentials: DemoCredentials; credentials_file: string; intents: Record<string, number>; seconds: number };
    const counts = Object.entries(r.intents)
      .map(([s, n]) => `${n} ${s}`)
      .join(", ");
    return `${formatDemoCredentials(r.credentials, r.credentials_file)}\nSeeded in ${r.seconds}s: ${counts}`;
  }
  return formatAdminResult(command, result);
}

function fail(e: unknown, json: boolean): number {
  const err = e instanceof AppError ? e : toAppError(e);
  const message = err.code === "internal_error" && !(e instanceof AppError) ? `${err.message}: ${(e as Error)?.message ?? String(e)}` : err.message;
  if (json) console.log(JSON.stringify({ error: { code: err.code, message, ...(err.details.length ? { details: err.details } : {}) } }));
  console.error(`error: ${message}`);
  for (const d of err.details) if (!message.includes(d.issue)) console.error(`  ${d.field}: ${d.issue}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
