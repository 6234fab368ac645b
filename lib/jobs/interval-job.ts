type Timers = Record<string, NodeJS.Timeout | null | undefined>;
/** On globalThis: Next's module reloading and several bundles in one process share one loop per job. */
const timers: Timers = ((globalThis as { __aegisIntervalJobs?: Timers }).__aegisIntervalJobs ??= {});

/**
 * A background loop: `pass` runs every `intervalMs` after the previous pass finished (passes
 * never overlap), once per process, optionally at once on start. A pass that throws is logged
 * and the loop goes on; `intervalMs <= 0` turns the job off. `stop` ends it after the current pass.
 */
export function intervalJob(name: string, pass: () => Promise<void>) {
  const start = (intervalMs: number, opts: { runAtStart?: boolean } = {}) => {
    if (intervalMs <= 0) return;
    if (timers[name] !== undefined && timers[name] !== null) return;
    const run = async () => {
      try {
        await pass();
      } catch (e) {
        console.error(`[jobs] ${name} pass failed:`, (e as Error).message);
      }
      if (timers[name] !== null) schedule(intervalMs);
    };
    const schedule = (ms: number) => {
      timers[name] = setTimeout(run, ms);
      timers[name].unref();
    };
    schedule(opts.runAtStart ? 0 : intervalMs);
  };
  const stop = () => {
    const t = timers[name];
    if (t) clearTimeout(t);
    timers[name] = null;
  };
  return { start, stop };
}
