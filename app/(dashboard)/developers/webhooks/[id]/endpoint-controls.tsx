"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { Card } from "@/components/card";
import { useToast } from "@/components/toast";
import { deleteEndpointAction, replayDeliveryAction, rotateSecretAction, updateEndpointAction } from "../../actions";
import { SecretReveal } from "@/components/secret-reveal";
import { Time } from "@/components/org-time";

/** Enable/disable, rotate the signing secret (24 h overlap), delete. */
export function EndpointControls({
  id,
  status,
  previousSecretExpiresAt,
}: {
  id: string;
  status: "enabled" | "disabled";
  previousSecretExpiresAt: string | null;
}) {
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();

  const toggle = () =>
    start(async () => {
      const res = await updateEndpointAction(id, { status: status === "enabled" ? "disabled" : "enabled" });
      toast(
        res.ok
          ? { tone: "success", title: res.data === "enabled" ? "Endpoint enabled" : "Endpoint disabled" }
          : { tone: "error", title: "Not changed", message: res.message },
      );
    });
  const rotate = () =>
    start(async () => {
      if (!window.confirm("Create a new signing secret? The current one keeps signing beside it for 24 hours.")) return;
      const res = await rotateSecretAction(id, 24 * 3600);
      if (res.ok) setSecret(res.data);
      else toast({ tone: "error", title: "Not rotated", message: res.message });
    });
  const remove = () =>
    start(async () => {
      if (!window.confirm("Delete this endpoint and its delivery log?")) return;
      const res = await deleteEndpointAction(id);
      if (res.ok) router.push("/developers/webhooks");
      else toast({ tone: "error", title: "Not deleted", message: res.message });
    });

  return (
    <Card>
      {secret && <SecretReveal label="New signing secret." value={secret} onDone={() => setSecret(null)} testId="new-webhook-secret" />}
      <div className="flex flex-wrap items-center gap-2 px-5 py-4">
        <Button size="sm" variant={status === "enabled" ? "secondary" : "primary"} disabled={pending} onClick={toggle}>
          {status === "enabled" ? "Disable" : "Enable"}
        </Button>
        <Button size="sm" variant="secondary" disabled={pending} onClick={rotate}>
          Rotate secret
        </Button>
        <Button size="sm" variant="danger" disabled={pending} onClick={remove}>
          Delete
        </Button>
        {previousSecretExpiresAt && (
          <span className="text-xs text-slate-500 dark:text-slate-400">
            The previous secret also signs until <Time at={previousSecretExpiresAt} />.
          </span>
        )}
      </div>
    </Card>
  );
}

export function ReplayButton({ endpointId, deliveryId, disabled }: { endpointId: string; deliveryId: string; disabled: boolean }) {
  const [pending, start] = useTransition();
  const toast = useToast();
  const replay = () =>
    start(async () => {
      const res = await replayDeliveryAction(endpointId, deliveryId);
      toast(res.ok ? { tone: "success", title: "Replay queued" } : { tone: "error", title: "Not replayed", message: res.message });
    });
  return (
    <Button size="sm" variant="ghost" disabled={disabled || pending} onClick={replay} title={disabled ? "Enable the endpoint first" : undefined}>
      Replay
    </Button>
  );
}
