"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import { Button } from "./button";
import { FactorPrompt, type FactorActions } from "./factor-prompt";

type Ask = (why: string) => Promise<boolean>;
const StepUpContext = createContext<Ask>(async () => false);

/** Asks for a fresh second factor (a step-up) and resolves true once the server recorded it, false if the person cancels. */
export const useStepUp = () => useContext(StepUpContext);

/**
 * The dashboard's one step-up dialog (issue 17, item 3): an answer the server refused with
 * `step_up_required` opens it, the person confirms with their passkey or authenticator app,
 * and the caller sends the answer again.
 */
export function StepUpProvider({ actions, children }: { actions: FactorActions; children: React.ReactNode }) {
  const [why, setWhy] = useState<string | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const ask = useCallback<Ask>(
    (reason) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        setWhy(reason);
      }),
    [],
  );
  const close = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setWhy(null);
  };

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (why !== null && !d.open) d.showModal();
    else if (why === null && d.open) d.close();
  }, [why]);

  return (
    <StepUpContext.Provider value={ask}>
      {children}
      <dialog
        ref={dialog}
        aria-labelledby="step-up-title"
        onCancel={(e) => {
          e.preventDefault();
          close(false);
        }}
        className="w-[min(26rem,calc(100vw-2rem))] rounded-xl bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-950/50 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
      >
        {why !== null && (
          <div className="space-y-4 p-5">
            <div>
              <h2 id="step-up-title" className="text-base font-semibold">
                Confirm it is you
              </h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{why}</p>
            </div>
            <FactorPrompt actions={actions} onDone={() => close(true)} />
            <div className="flex justify-end">
              <Button variant="ghost" size="sm" onClick={() => close(false)}>
                Cancel
              </Button>
            </div>
          </div>
        )}
      </dialog>
    </StepUpContext.Provider>
  );
}
