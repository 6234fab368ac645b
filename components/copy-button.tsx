"use client";

import { Button } from "./button";
import { useToast } from "./toast";

/** Copies a value to the clipboard and says so; where the browser refuses, says how to copy it by hand. */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const toast = useToast();
  return (
    <Button
      size="sm"
      variant="secondary"
      aria-label={label}
      onClick={() =>
        navigator.clipboard
          ?.writeText(value)
          .then(() => toast({ tone: "info", title: "Copied" }))
          .catch(() => toast({ tone: "error", title: "Could not copy", message: "Select the text and copy it by hand." }))
      }
    >
      Copy
    </Button>
  );
}
