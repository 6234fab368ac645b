import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { requireGatedSession } from "@/lib/auth/require-session";
import { AuthCard } from "../auth-card";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Confirm it is you" };

/** Sign-in, second step: a session of a person with a second factor proves it before anything opens. */
export default async function VerifyPage() {
  const { gate, principal } = await requireGatedSession();
  if (gate !== "verify") redirect("/");
  return (
    <AuthCard
      title="Confirm it is you"
      description={`Signed in as ${principal.email}. Use your passkey or a code from your authenticator app.`}
      footer={<SignOutButton />}
    >
      <VerifyForm />
    </AuthCard>
  );
}
