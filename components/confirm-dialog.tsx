"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";
import { fieldClass, fieldLabelClass } from "./form-fields";

export type ConfirmDialogProps = {
  open: boolean;
  title: string;
  /** What will happen, in plain words; shown above the optional reason field. */
  children?: React.ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  /** Ask for a reason: `"required"` keeps the confirm button disabled until one is typed. */
  reason?: { label: string; mode: "optional" | "required"; placeholder?: string };
  busy?: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

/**
 * The one confirmation for risky actions (never the browser's `confirm()`/`prompt()`, which
 * cannot explain, be styled, or be driven by a screen reader well). A native `<dialog>` opened
 * with `showModal()`: focus is trapped, Escape cancels, the page behind is inert.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, tone = "danger", reason, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState("");
  const titleId = useId();
  const reasonId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setText("");
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  const blocked = busy || (reason?.mode === "required" && text.trim() === "");

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="w-[min(28rem,calc(100vw-2rem))] rounded-xl bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-950/50 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
    >
      <form
        method="dialog"
        className="space-y-4 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          if (!blocked) onConfirm(text.trim());
        }}
      >
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        {children ? <div className="space-y-2 text-sm text-slate-600 dark:text-slate-300">{children}</div> : null}
        {reason ? (
          <div>
            <label htmlFor={reasonId} className={fieldLabelClass}>
              {reason.label}
              {reason.mode === "required" ? "" : " (optional)"}
            </label>
            <textarea
              id={reasonId}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={reason.placeholder}
              required={reason.mode === "required"}
              maxLength={500}
              rows={3}
              className={`${fieldClass} h-auto py-2`}
            />
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant={tone === "danger" ? "danger" : "primary"} disabled={blocked}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
