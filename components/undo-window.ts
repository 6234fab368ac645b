/** How long a dashboard answer can be taken back before it is sent (inbox cards and the intent page). */
export const UNDO_MS = 5000;

/** What an answer's mutation rejects with when its window was undone: nothing was sent. */
export class Undone extends Error {
  constructor() {
    super("Undone: nothing was sent.");
    this.name = "Undone";
  }
}

/**
 * The wait before an answer is sent, as a promise a react-query mutation can await: it
 * resolves after `ms` (or at once with `sendNow`, when the page is left) and rejects with
 * `Undone` on `undo`, so the mutation fails without sending and stops hiding its cards.
 * Only the first of timeout, `sendNow` and `undo` counts; the rest are no-ops.
 */
export class UndoWindow {
  phase: "open" | "closed" | "undone" = "open";
  readonly closed: Promise<void>;
  #settle!: (undone: boolean) => void;
  #listeners = new Set<() => void>();

  constructor(ms: number) {
    this.closed = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => this.#settle(false), ms);
      this.#settle = (undone) => {
        if (this.phase !== "open") return;
        clearTimeout(timer);
        this.phase = undone ? "undone" : "closed";
        if (undone) reject(new Undone());
        else resolve();
        for (const l of this.#listeners) l();
      };
    });
    // A window nobody awaits any more (its mutation gone) must not report an unhandled rejection.
    this.closed.catch(() => {});
  }

  /** Takes the answer back; true when it was still open (nothing sent). */
  undo(): boolean {
    const open = this.phase === "open";
    this.#settle(true);
    return open;
  }

  sendNow(): void {
    this.#settle(false);
  }

  /** For useSyncExternalStore: called once, when the window closes or is undone. */
  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  };
}
