"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useToast } from "@/components/toast";
import { restorePolicyVersionAction } from "../actions";

/** Proposes bringing an earlier version back: the same four eyes as any change, with a reason. */
export function RestoreButton({ version, liveVersion, needsSecondAdmin }: { version: number; liveVersion: number; needsSecondAdmin: boolean }) {
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const router = useRouter();
  const toast = useToast();
  const restore = (reason: string) =>
    start(async () => {
      const res = await restorePolicyVersionAction(version, liveVersion, reason);
      setOpen(false);
      if (!res.ok) return toast({ tone: "error", title: `Could not restore version ${version}`, message: res.message });
      if (res.data.status === "pending")
        toast({ tone: "success", title: `Restoring version ${version} proposed`, message: "It goes live when another admin approves it." });
      else toast({ tone: "success", title: `Version ${version} restored as version ${res.data.version}` });
      router.push("/policies");
    });
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Restore version {version}
      </Button>
      <ConfirmDialog
        open={open}
        title={`Restore version ${version}?`}
        tone="primary"
        confirmLabel={needsSecondAdmin ? "Send for approval" : "Restore"}
        reason={{ label: "Reason for this change", mode: "required", placeholder: "Why this version should be live again" }}
        busy={pending}
        onConfirm={restore}
        onCancel={() => setOpen(false)}
      >
        Its document becomes a new version on top of version {liveVersion}
        {needsSecondAdmin ? ", once another admin approves it." : "."}
      </ConfirmDialog>
    </>
  );
}
