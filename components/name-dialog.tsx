"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";
import { fieldClass, fieldLabelClass } from "./form-fields";

/**
 * Asks for a short name (saving or renaming something), in the same native `<dialog>` as
 * ConfirmDialog: focus trapped, Escape cancels; never the browser's `prompt()`.
 */
export function NameDialog({
  open,
  title,
  label,
  initial = "",
  confirmLabel,
  busy,
  error,
  children,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  label: string;
  initial?: string;
  confirmLabel: string;
  busy?: boolean;
  /** The server's refusal (a name already taken), shown under the field. */
  error?: string;
  children?: React.ReactNode;
  onConfirm: (name: string) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(initial);
  const titleId = useId();
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setText(initial);
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open, initial]);

  const blocked = busy || text.trim() === "";
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
        <div>
          <label htmlFor={inputId} className={fieldLabelClass}>
            {label}
          </label>
          <input
            id={inputId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            required
            maxLength={60}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className={fieldClass}
          />
          {error ? (
            <p id={errorId} role="alert" className="mt-1 text-sm text-rose-700 dark:text-rose-400">
              {error}
            </p>
          ) : null}
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" disabled={blocked}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
