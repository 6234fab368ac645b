// The HTTP measurements of one running app: the stack floor, closed and open loops over
// several agents, and long-poll wake-ups. Results land on the DbResult passed in.
import { commandCpuSeconds, groupCpuSeconds, type AppServer } from "./app-server";
import { closedLoop, healthLoop, openLoop, type LoadResult } from "./http-load";
import { longPollWakeups, type LongPollResult } from "./long-poll";
import { log } from "./stats";

export const CONCURRENCY = [1, 4, 16];
export const OPEN_RATE = 200;

export type AppFigures = {
  floor?: LoadResult[];
  runs?: LoadResult[];
  best?: LoadResult;
  open?: LoadResult;
  longPoll?: LongPollResult;
};

export async function measureApp(app: AppServer, kind: string, keys: string[], r: AppFigures): Promise<void> {
  log(`${kind}: warm-up (health and submits, c=4)`);
  await healthLoop(app.baseUrl, 4, 2);
  await closedLoop(app.baseUrl, keys, 4, 3);
  r.floor = [];
  for (const c of CONCURRENCY) {
    const cpu0 = groupCpuSeconds(app.child.pid);
    const run = await healthLoop(app.baseUrl, c, 5);
    run.cpuMsPerSubmit = ((groupCpuSeconds(app.child.pid) - cpu0) * 1000) / Math.max(1, run.ok);
    r.floor.push(run);
  }
  r.runs = [];
  for (const c of CONCURRENCY) {
    const cpu0 = groupCpuSeconds(app.child.pid);
    const db0 = commandCpuSeconds("postgres");
    const client0 = process.cpuUsage();
    const run = await closedLoop(app.baseUrl, keys, c, 8);
    const client = process.cpuUsage(client0);
    const per = (seconds: number) => (seconds * 1000) / Math.max(1, run.ok);
    run.cpuMsPerSubmit = per(groupCpuSeconds(app.child.pid) - cpu0);
    run.dbCpuMsPerSubmit = kind === "postgresql" ? per(commandCpuSeconds("postgres") - db0) : undefined;
    run.clientCpuMsPerSubmit = per((client.user + client.system) / 1e6);
    log(
      `  CPU per submit: server ${run.cpuMsPerSubmit.toFixed(1)} ms, PostgreSQL ${run.dbCpuMsPerSubmit?.toFixed(1) ?? "n/a"} ms, load generator ${run.clientCpuMsPerSubmit.toFixed(1)} ms`,
    );
    r.runs.push(run);
  }
  r.best = r.runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  // 5 s: where the rate is not sustained, the queue (and the run) stays bounded.
  r.open = await openLoop(app.baseUrl, keys, OPEN_RATE, 5);
}

/** Above the auto-approve limit, at or below the admin-only threshold (5,000,000): one approver suffices. */
export const approvalAmount = (autoApproveLimit: number) => Math.min(5_000_000, Math.max(2_000_000, autoApproveLimit + 1));

export function measureLongPoll(pollOn: AppServer, agentKey: string, approverKey: string, autoApproveLimit: number, approveOn = pollOn) {
  return longPollWakeups(pollOn.baseUrl, agentKey, approverKey, approvalAmount(autoApproveLimit), 20, approveOn.baseUrl);
}
