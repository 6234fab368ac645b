import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Undone, UndoWindow } from "@/components/undo-window";

const settled = (p: Promise<void>) =>
  p.then(
    () => "sent" as const,
    (e: unknown) => (e instanceof Undone ? ("undone" as const) : e),
  );

describe("UndoWindow", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("opens for its time, then lets the answer go", async () => {
    const w = new UndoWindow(5000);
    const seen: string[] = [];
    w.subscribe(() => seen.push(w.phase));
    vi.advanceTimersByTime(4999);
    expect(w.phase).toBe("open");
    vi.advanceTimersByTime(1);
    expect(await settled(w.closed)).toBe("sent");
    expect(seen).toEqual(["closed"]);
    expect(w.undo()).toBe(false); // too late: the answer is on its way
    expect(w.phase).toBe("closed");
  });

  it("undo inside the window rejects with Undone, and the timer then changes nothing", async () => {
    const w = new UndoWindow(5000);
    expect(w.undo()).toBe(true);
    expect(await settled(w.closed)).toBe("undone");
    vi.advanceTimersByTime(10_000);
    w.sendNow();
    expect(w.phase).toBe("undone");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("sendNow ends the window early (leaving the page), and undo after it is refused", async () => {
    const w = new UndoWindow(5000);
    w.sendNow();
    expect(await settled(w.closed)).toBe("sent");
    expect(w.undo()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("an unsubscribed listener is not called", () => {
    const w = new UndoWindow(5000);
    const listener = vi.fn();
    w.subscribe(listener)();
    w.undo();
    expect(listener).not.toHaveBeenCalled();
  });
});
