import type { Metadata } from "next";
import { AuthCard } from "../auth-card";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Choose your password" };

/**
 * /set-password#<token>: where invitation and reset links lead. The token stays in the URL's
 * fragment (the browser never sends it with a page request); the form posts it to
 * /set-password/redeem.
 */
export default function SetPasswordPage() {
  return (
    <AuthCard
      title="Choose your password"
      description="Set the password you will sign in with."
      footer="The link works once. If it expired, ask your admin for a new one."
    >
      <SetPasswordForm />
    </AuthCard>
  );
}
