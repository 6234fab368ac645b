"use client";

import { createContext, useCallback, useContext, useState } from "react";
import { cn } from "./cn";

type Toast = { id: number; tone: "success" | "error" | "info"; title: string; message?: string };
type Show = (t: Omit<Toast, "id">) => void;

const ToastContext = createContext<Show>(() => {});
export const useToast = () => useContext(ToastContext);

const TONE = {
  success: "border-emerald-300 dark:border-emerald-800",
  error: "border-rose-300 dark:border-rose-800",
  info: "border-slate-300 dark:border-slate-700",
};
const ICON = { success: "text-emerald-600", error: "text-rose-600", info: "text-brand-600" };

/** Toasts in a polite live region: screen readers hear them without losing their place. */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const show = useCallback<Show>(
    (t) => {
      const id = Date.now() + Math.random();
      setToasts((ts) => [...ts.slice(-3), { ...t, id }]);
      setTimeout(() => dismiss(id), t.tone === "error" ? 8000 : 4000);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end">
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
            <button type="button" onClick={() => dismiss(t.id)} className="text-slate-400 hover:text-slate-600 dark:hover:text-slate-200" aria-label="Dismiss">
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
