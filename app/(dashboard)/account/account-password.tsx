"use client";

import { PasswordForm } from "@/components/password-form";
import { changeOwnPasswordAction } from "@/app/(dashboard)/_actions/identity-actions";

export function AccountPassword() {
  return <PasswordForm change={(input) => changeOwnPasswordAction(input)} next="/account" />;
}
