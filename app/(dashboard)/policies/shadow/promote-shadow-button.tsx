"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useToast } from "@/components/toast";
import { promoteShadowAction } from "../actions";

/** Proposes making the shadow draft the live policy: the same four eyes as any change, with a reason. */
export function PromoteShadowButton({ liveVersion, needsSecondAdmin, changes }: { liveVersion: number; needsSecondAdmin: boolean; changes: string[] }) {
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const router = useRouter();
  const toast = useToast();
  const promote = (reason: string) =>
    start(async () => {
      const res = await promoteShadowAction(liveVersion, reason);
      setOpen(false);
      if (!res.ok) return toast({ tone: "error", title: "Could not make the draft live", message: res.message });
      if (res.data.status === "pending")
        toast({ tone: "success", title: "Making the draft live proposed", message: "It goes live when another admin approves it." });
      else toast({ tone: "success", title: `The draft is live as version ${res.data.version}` });
      router.push("/policies");
    });
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        Make live
      </Button>
      <ConfirmDialog
        open={open}
        title="Make the shadow draft the live policy?"
        tone="primary"
        confirmLabel={needsSecondAdmin ? "Send for approval" : "Make live"}
        reason={{ label: "Reason for this change", mode: "required", placeholder: "What the shadow run showed" }}
        busy={pending}
        onConfirm={promote}
        onCancel={() => setOpen(false)}
      >
        <ul aria-label="What changes" className="list-disc space-y-0.5 pl-5">
          {changes.length ? changes.map((l) => <li key={l}>{l}</li>) : <li>Nothing: the draft is the live policy</li>}
        </ul>
      </ConfirmDialog>
    </>
  );
}
