/**
 * Runs outbox deliveries (webhooks, emails) side by side: at most `perOrg` at once for one
 * organisation and `total` in all, in this process. A tenant whose endpoint is slow fills only
 * its own share, so everyone else's deliveries keep going (issue 17, item 5). Deliveries are
 * started, never awaited by the caller; `onFinish` lets the owner claim more as slots free up.
 */
export class FairPool {
  private readonly busy = new Map<string, number>();
  private running = 0;
  private drained: (() => void)[] = [];

  constructor(
    private readonly limits: () => { perOrg: number; total: number },
    private readonly onFinish: () => void = () => {},
  ) {}

  /** How many more deliveries this pass may start in all. */
  free(): number {
    return Math.max(0, this.limits().total - this.running);
  }

  /** How many more deliveries `orgId` may start now (never more than `free()`). */
  room(orgId: string): number {
    return Math.min(this.free(), Math.max(0, this.limits().perOrg - (this.busy.get(orgId) ?? 0)));
  }

  inFlight(orgId?: string): number {
    return orgId === undefined ? this.running : (this.busy.get(orgId) ?? 0);
  }

  /** Starts `task` now (the caller checked `room`); its failure is logged, never thrown. */
  start(orgId: string, task: () => Promise<void>, label = "delivery"): void {
    this.running++;
    this.busy.set(orgId, (this.busy.get(orgId) ?? 0) + 1);
    void task()
      .catch((e) => console.error(`[outbox] ${label} failed:`, (e as Error).message))
      .finally(() => {
        this.running--;
        const left = (this.busy.get(orgId) ?? 1) - 1;
        if (left > 0) this.busy.set(orgId, left);
        else this.busy.delete(orgId);
        if (this.running === 0) for (const resolve of this.drained.splice(0)) resolve();
        this.onFinish();
      });
  }

  /** Resolves once nothing runs (shutdown, tests). */
  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.drained.push(resolve));
  }
}

/**
 * The organisations to serve this pass, starting after the one served first last time, so
 * that when more have work than there are slots, each gets its turn.
 */
export function rotate(orgIds: string[], after: string | undefined): string[] {
  const sorted = [...orgIds].sort();
  const i = after === undefined ? 0 : sorted.findIndex((o) => o > after);
  return i <= 0 ? sorted : [...sorted.slice(i), ...sorted.slice(0, i)];
}

export type Turn = { after?: string };

/**
 * How many deliveries each organisation with due work may claim this pass: its room in the
 * pool, while slots last, in rotating order (`turn` remembers where the last pass began).
 */
export function shareOut(pool: FairPool, orgIds: string[], turn: Turn): { orgId: string; n: number }[] {
  let free = pool.free();
  const shares: { orgId: string; n: number }[] = [];
  for (const orgId of rotate(orgIds, turn.after)) {
    if (free === 0) break;
    const n = Math.min(free, pool.room(orgId));
    if (n > 0) {
      shares.push({ orgId, n });
      free -= n;
    }
  }
  if (shares.length) turn.after = shares[0]!.orgId;
  return shares;
}
