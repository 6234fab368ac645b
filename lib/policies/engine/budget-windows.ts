export interface TimeWindow {
  /** Inclusive start of the window. */
  start: Date;
  /** Exclusive end of the window: the moment the budget resets. */
  resetsAt: Date;
}

/** The UTC calendar day containing `now`: [00:00Z today, 00:00Z tomorrow). */
export function utcDayWindow(now: Date): TimeWindow {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  return { start: new Date(Date.UTC(y, m, d)), resetsAt: new Date(Date.UTC(y, m, d + 1)) };
}

/** The UTC calendar month containing `now`: [1st 00:00Z, 1st of next month 00:00Z). */
export function utcMonthWindow(now: Date): TimeWindow {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  // Date.UTC rolls month 12 over into January of the next year.
  return { start: new Date(Date.UTC(y, m, 1)), resetsAt: new Date(Date.UTC(y, m + 1, 1)) };
}
