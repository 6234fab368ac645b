"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import { stopShadowAction } from "../actions";

export function StopShadowButton() {
  const [pending, start] = useTransition();
  const router = useRouter();
  const toast = useToast();
  const stop = () =>
    start(async () => {
      const res = await stopShadowAction();
      if (!res.ok) return toast({ tone: "error", title: "Could not stop the shadow policy", message: res.message });
      router.refresh();
    });
  return (
    <Button size="sm" variant="secondary" disabled={pending} onClick={stop}>
      {pending ? "Stopping…" : "Stop shadow"}
    </Button>
  );
}
