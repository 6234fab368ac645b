"use client";

import { useRouter } from "next/navigation";
import { SecondFactorSetup } from "@/components/second-factor-setup";
import { identitySetupActions } from "@/components/identity-setup-actions";

export function EnrollForm() {
  const router = useRouter();
  return <SecondFactorSetup actions={identitySetupActions} hasTotp={false} onChange={() => router.replace("/")} />;
}
