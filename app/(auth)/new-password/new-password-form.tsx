"use client";

import { PasswordForm } from "@/components/password-form";
import { changeOwnPasswordAction } from "@/app/(dashboard)/_actions/identity-actions";

export function NewPasswordForm() {
  return <PasswordForm change={(input) => changeOwnPasswordAction(input)} next="/" submitLabel="Save and continue" />;
}
