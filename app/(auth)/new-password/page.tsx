import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { requireGatedSession } from "@/lib/auth/require-session";
import { AuthCard } from "../auth-card";
import { NewPasswordForm } from "./new-password-form";

export const metadata: Metadata = { title: "Choose your password" };

/** Sign-in, a step: the password was chosen by someone else (the CLI), so the person chooses their own now. */
export default async function NewPasswordPage() {
  const { gate, principal } = await requireGatedSession();
  if (gate !== "password") redirect("/");
  return (
    <AuthCard
      title="Choose your password"
      description={`Your password for ${principal.email} was set by someone else. Choose one only you know before you go on.`}
      footer={<SignOutButton />}
    >
      <NewPasswordForm />
    </AuthCard>
  );
}
