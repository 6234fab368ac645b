"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import { requestVerificationAction } from "./actions";

/** Asks for a new full check; disabled while one is open (a second request would only join it). */
export function CheckAgainButton({ checking }: { checking: boolean }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  const toast = useToast();
  const request = () =>
    start(async () => {
      const res = await requestVerificationAction();
      if (!res.ok) return toast({ tone: "error", title: "Could not start a check", message: res.message });
      router.refresh();
    });
  return (
    <Button variant="secondary" disabled={pending || checking} onClick={request}>
      Check again
    </Button>
  );
}
