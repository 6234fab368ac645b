"use client";

import { useRouter } from "next/navigation";
import { FactorPrompt } from "@/components/factor-prompt";
import { proveSignInFactorAction, signInPasskeyOptionsAction } from "@/app/(dashboard)/_actions/identity-actions";

const actions = {
  passkeyOptions: () => signInPasskeyOptionsAction(),
  prove: async (proof: object) => {
    const res = await proveSignInFactorAction(proof as never);
    return res.ok ? { ok: true as const } : { ok: false as const, message: res.message };
  },
};

export function VerifyForm() {
  const router = useRouter();
  return <FactorPrompt actions={actions} allowRecovery onDone={() => router.replace("/")} />;
}
