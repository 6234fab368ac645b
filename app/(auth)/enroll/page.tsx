import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { requireGatedSession } from "@/lib/auth/require-session";
import { AuthCard } from "../auth-card";
import { EnrollForm } from "./enroll-form";

export const metadata: Metadata = { title: "Set up a second factor" };

/** Sign-in, a step: the organisation requires a second factor of its admins and approvers, and this person has none yet. */
export default async function EnrollPage() {
  const { gate } = await requireGatedSession();
  if (gate !== "enroll") redirect("/");
  return (
    <AuthCard
      title="Set up a second factor"
      description="Your organisation asks every admin and approver for a second factor. Add a passkey or an authenticator app to go on."
      footer={<SignOutButton />}
    >
      <EnrollForm />
    </AuthCard>
  );
}
