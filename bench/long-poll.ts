// Part 2d: how fast a waiting GET /intents/{id}?wait=30 answers once a person approves, on the
// same instance, or (PostgreSQL) with the poll on instance A and the approval on instance B,
// where only the database's NOTIFY can wake A.
import { submitOnce, BENCH_INTENT } from "./http-load";
import { log, sleep, summarize } from "./stats";

export type LongPollResult = {
  samples: number;
  failures: string[];
  /** Approval answer received -> long-poll answer received (negative: the poll answered first). */
  afterResponse: { p50: number; p95: number; max: number };
  /** Approval request sent -> long-poll answer received. */
  afterRequest: { p50: number; p95: number };
  approveMs: { p50: number; p95: number };
};

const auth = (key: string) => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });

export async function longPollWakeups(
  baseUrl: string,
  agentKey: string,
  approverKey: string,
  amount: number,
  count = 20,
  approveBaseUrl = baseUrl,
): Promise<LongPollResult> {
  const afterResponse: number[] = [];
  const afterRequest: number[] = [];
  const approveMs: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const submitted = await submitOnce(baseUrl, agentKey, { ...BENCH_INTENT, amount, reason: `benchmark long-poll ${i}` });
    if (!submitted.id || submitted.intentStatus !== "pending_approval") {
      failures.push(`submit ${i}: ${submitted.error ?? `status ${submitted.intentStatus}, not pending_approval`}`);
      if (failures.length >= 3 && afterResponse.length === 0) break;
      continue;
    }
    let pollDone = 0;
    const poll = fetch(`${baseUrl}/api/v1/intents/${submitted.id}?wait=30`, { headers: auth(agentKey), signal: AbortSignal.timeout(40_000) })
      .then(async (res) => {
        const body = (await res.json()) as { status?: string };
        pollDone = performance.now();
        return `${res.status} ${body.status}`;
      })
      .catch((e: Error) => ((pollDone = performance.now()), `network: ${e.message}`));
    await sleep(300); // let the server reach its wait before the approval lands
    const sent = performance.now();
    const res = await fetch(`${approveBaseUrl}/api/v1/approvals/${submitted.id}`, {
      method: "POST",
      headers: auth(approverKey),
      body: JSON.stringify({ decision: "approve", comment: "benchmark" }),
    });
    const answered = performance.now();
    const approveText = await res.text();
    if (!res.ok) {
      failures.push(`approve ${i}: ${res.status} ${approveText.slice(0, 300)}`);
      await poll;
      continue;
    }
    const pollOutcome = await poll;
    if (pollOutcome !== "200 approved") {
      failures.push(`long-poll ${i}: ${pollOutcome} after approval`);
      continue;
    }
    afterResponse.push(pollDone - answered);
    afterRequest.push(pollDone - sent);
    approveMs.push(answered - sent);
  }
  const r = summarize(afterResponse);
  const q = summarize(afterRequest);
  const a = summarize(approveMs);
  const result = {
    samples: afterResponse.length,
    failures,
    afterResponse: { p50: r.p50, p95: r.p95, max: r.max },
    afterRequest: { p50: q.p50, p95: q.p95 },
    approveMs: { p50: a.p50, p95: a.p95 },
  };
  log(
    `long-poll${approveBaseUrl === baseUrl ? "" : " across two instances"}: ${result.samples} samples; wake after approval answer p50 ${r.p50.toFixed(1)} ms p95 ${r.p95.toFixed(1)} ms; failures ${failures.length}`,
  );
  return result;
}
