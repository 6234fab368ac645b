"use client";

import { createContext, useCallback, useContext, useState } from "react";
import { cn } from "./cn";

type Toast = {
  id: number;
  tone: "success" | "error" | "info";
  title: string;
  message?: string;
  action?: { label: string; onClick: () => void };
  durationMs?: number;
};
type Show = (t: Omit<Toast, "id">) => number;

const ToastContext = createContext<{ show: Show; dismiss: (id: number) => void }>({ show: () => 0, dismiss: () => {} });
/** Shows a toast (returns nothing, so it can end an arrow function handed to startTransition). */
export const useToast = (): ((t: Omit<Toast, "id">) => void) => useContext(ToastContext).show;
/** The same, returning the toast's id (to dismiss it early). */
export const useShowToast = () => useContext(ToastContext).show;
export const useDismissToast = () => useContext(ToastContext).dismiss;

const TONE = {
  success: "border-emerald-300 dark:border-emerald-800",
  error: "border-rose-300 dark:border-rose-800",
  info: "border-slate-300 dark:border-slate-700",
};
const ICON = { success: "text-emerald-600", error: "text-rose-600", info: "text-brand-600" };

/**
 * Toasts in a polite live region: screen readers hear them without losing their place.
 * They sit where no action button is: under the top bar on phones (the sticky action bar
 * is at the bottom), bottom-left over the side navigation on wide screens (cards keep
 * their buttons on the right).
 */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const show = useCallback<Show>(
    (t) => {
      const id = Date.now() + Math.random();
      setToasts((ts) => [...ts.slice(-3), { ...t, id }]);
      setTimeout(() => dismiss(id), t.durationMs ?? (t.tone === "error" ? 8000 : 4000));
      return id;
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={{ show, dismiss }}>
      {children}
      <div
        aria-live="polite"
        data-testid="toasts"
        className="pointer-events-none fixed inset-x-0 top-24 z-50 flex flex-col items-center gap-2 px-4 lg:top-auto lg:right-auto lg:bottom-0 lg:left-0 lg:w-[24rem] lg:items-start lg:p-4"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            role={t.tone === "error" ? "alert" : "status"}
            data-testid={`toast-${t.tone}`}
            className={cn(
              "pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-xl border bg-white p-4 shadow-lg dark:bg-slate-900",
              TONE[t.tone],
            )}
          >
            <span aria-hidden className={cn("mt-0.5 text-lg leading-none", ICON[t.tone])}>
              {t.tone === "success" ? "✓" : t.tone === "error" ? "!" : "i"}
            </span>
            <div className="min-w-0 flex-1">
              <p className="text-sm font-semibold text-slate-900 dark:text-white">{t.title}</p>
              {t.message && <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-300">{t.message}</p>}
            </div>
            {t.action && (
              <button
                type="button"
                onClick={() => {
                  t.action!.onClick();
                  dismiss(t.id);
                }}
                className="shrink-0 rounded-md px-2 py-1 text-sm font-semibold text-brand-700 ring-1 ring-brand-300 hover:bg-brand-50 dark:text-brand-300 dark:ring-brand-700 dark:hover:bg-brand-500/15"
              >
                {t.action.label}
              </button>
            )}
            <button type="button" onClick={() => dismiss(t.id)} className="text-slate-400 hover:text-slate-600 dark:hover:text-slate-200" aria-label="Dismiss">
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
