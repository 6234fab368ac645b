"use client";

import { useRouter } from "next/navigation";
import { FactorPrompt, factorActions } from "@/components/factor-prompt";
import { proveSignInFactorAction, signInPasskeyOptionsAction } from "@/app/(dashboard)/_actions/identity-actions";

const actions = factorActions(() => signInPasskeyOptionsAction(), proveSignInFactorAction);

export function VerifyForm() {
  const router = useRouter();
  return <FactorPrompt actions={actions} allowRecovery onDone={() => router.replace("/")} />;
}
