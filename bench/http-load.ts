// Part 2a/2b: submit latency at a fixed open-loop rate, the sustained rate of a closed loop, and
// the stack's floor (GET /api/health through the same Next.js + Prisma at the same concurrency),
// both through the same client (bench/http-client.ts).
// Submits go round-robin over several agents' keys: one agent's decisions are serialised by
// its row lock (by design), so a single agent would measure that lock, not the stack.
import crypto from "node:crypto";
import { request } from "./http-client";
import { log, msSince, sleep, summarize } from "./stats";

export type LoadResult = {
  label: string;
  sent: number;
  ok: number;
  seconds: number;
  perSecond: number; // successful submits per second
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>; // HTTP status (or "network") -> count
  intentStatuses: Record<string, number>; // intent.status of 201 answers
  errors: string[]; // a few sample error bodies
  cpuMsPerSubmit?: number; // server process group CPU per successful request (a submit, or a health check for the floor)
  dbCpuMsPerSubmit?: number; // PostgreSQL's processes, per successful request
  clientCpuMsPerSubmit?: number; // this (load-generating) process, per successful request
};

export const BENCH_INTENT = { amount: 100, currency: "INR", confidence: 0.99, merchant: "Bench", merchant_category: "saas", reason: "benchmark submit" };

type Sample = { ms: number; status: string; intentStatus?: string; error?: string };

/** One POST /api/v1/intents, with a fresh Idempotency-Key as the SDKs send. */
export async function submitOnce(baseUrl: string, key: string, body: object = BENCH_INTENT): Promise<Sample & { id?: string }> {
  const t0 = process.hrtime.bigint();
  try {
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() };
    const res = await request(`${baseUrl}/api/v1/intents`, "POST", headers, JSON.stringify(body));
    const text = res.text;
    const ms = msSince(t0);
    if (res.status !== 201) return { ms, status: String(res.status), error: `${res.status} ${text.slice(0, 300)}` };
    const intent = JSON.parse(text) as { id: string; status: string };
    return { ms, status: "201", intentStatus: intent.status, id: intent.id };
  } catch (e) {
    return { ms: msSince(t0), status: "network", error: `network: ${(e as Error).message}` };
  }
}

function collect(label: string, samples: Sample[], seconds: number): LoadResult {
  const statuses: Record<string, number> = {};
  const intentStatuses: Record<string, number> = {};
  const errors: string[] = [];
  const okMs: number[] = [];
  for (const s of samples) {
    statuses[s.status] = (statuses[s.status] ?? 0) + 1;
    if (s.intentStatus) intentStatuses[s.intentStatus] = (intentStatuses[s.intentStatus] ?? 0) + 1;
    if (s.status === "201" || s.status === "200")
      okMs.push(s.ms); // a submit's 201, the health check's 200
    else if (s.error && errors.length < 5 && !errors.includes(s.error)) errors.push(s.error);
  }
  const { p50, p99 } = summarize(okMs);
  return { label, sent: samples.length, ok: okMs.length, seconds, perSecond: okMs.length / seconds, p50Ms: p50, p99Ms: p99, statuses, intentStatuses, errors };
}

/** GET /api/health (one SELECT 1 through Prisma): the floor every API request stands on. */
export async function healthOnce(baseUrl: string): Promise<Sample> {
  const t0 = process.hrtime.bigint();
  try {
    const res = await request(`${baseUrl}/api/health`, "GET");
    const text = res.text;
    const ms = msSince(t0);
    return res.status === 200 ? { ms, status: "200" } : { ms, status: String(res.status), error: `${res.status} ${text.slice(0, 300)}` };
  } catch (e) {
    return { ms: msSince(t0), status: "network", error: `network: ${(e as Error).message}` };
  }
}

/** Closed loop of GET /api/health. */
export async function healthLoop(baseUrl: string, concurrency: number, seconds: number): Promise<LoadResult> {
  return loop(`health c=${concurrency}`, concurrency, seconds, () => healthOnce(baseUrl));
}

/** Open loop: sends at `rate`/s on schedule for `seconds`, whether or not answers have come back. */
export async function openLoop(baseUrl: string, keys: string | string[], rate: number, seconds: number): Promise<LoadResult> {
  const pick = roundRobin(keys);
  const total = Math.round(rate * seconds);
  const pending: Promise<Sample>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(submitOnce(baseUrl, pick()));
  }
  const samples = await Promise.all(pending);
  const result = collect(`open loop ${rate}/s`, samples, (performance.now() - start) / 1000);
  log(`${result.label}: ${result.ok}/${result.sent} ok, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms`, result.statuses);
  return result;
}

/** Closed loop: `concurrency` workers, each sends the next submit when its last one answered. */
export async function closedLoop(baseUrl: string, keys: string | string[], concurrency: number, seconds: number): Promise<LoadResult> {
  const pick = roundRobin(keys);
  return loop(`closed loop c=${concurrency}`, concurrency, seconds, () => submitOnce(baseUrl, pick()));
}

function roundRobin(keys: string | string[]): () => string {
  const list = Array.isArray(keys) ? keys : [keys];
  let next = 0;
  return () => list[next++ % list.length];
}

async function loop(label: string, concurrency: number, seconds: number, once: () => Promise<Sample>): Promise<LoadResult> {
  const samples: Sample[] = [];
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const maxPerWorker = 100_000; // a bound, far above what a few seconds can reach
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < maxPerWorker && performance.now() < deadline; i++) samples.push(await once());
    }),
  );
  const result = collect(label, samples, (performance.now() - start) / 1000);
  log(
    `${result.label}: ${result.perSecond.toFixed(1)}/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms`,
    result.statuses,
    result.intentStatuses,
  );
  return result;
}
