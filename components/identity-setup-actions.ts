"use client";

import {
  confirmTotpAction,
  finishPasskeyRegistrationAction,
  passkeyRegistrationOptionsAction,
  startTotpAction,
} from "@/app/(dashboard)/_actions/identity-actions";
import type { SetupActions } from "./second-factor-setup";

/** The server actions behind SecondFactorSetup, for the /enroll step and the Account page alike. */
export const identitySetupActions: SetupActions = {
  startTotp: () => startTotpAction(),
  confirmTotp: (code) => confirmTotpAction(code),
  passkeyOptions: () => passkeyRegistrationOptionsAction(),
  finishPasskey: (name, response) => finishPasskeyRegistrationAction(name, response as never),
};
