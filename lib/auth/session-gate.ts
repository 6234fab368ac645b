/**
 * What a signed-in person must do before the dashboard opens (pure, unit-tested):
 * - "password": someone else chose their password (the CLI): choose a new one (/new-password);
 * - "verify": they have a second factor and this session has not proved it yet (/verify);
 * - "enroll": the organisation requires a second factor of admins and approvers and they
 *   have none (/enroll).
 * Until then the session reaches only that page (proxy.ts, requireSession) and every API and
 * server action refuses it.
 */
export type SessionGate = "password" | "verify" | "enroll" | null;

export const GATE_PAGES = { password: "/new-password", verify: "/verify", enroll: "/enroll" } as const;

export function sessionGateOf(s: {
  passwordChangeRequired: boolean;
  hasSecondFactor: boolean;
  secondFactorRequired: boolean;
  sessionVerified: boolean;
}): SessionGate {
  if (s.hasSecondFactor && !s.sessionVerified) return "verify";
  if (s.passwordChangeRequired) return "password";
  if (s.secondFactorRequired && !s.hasSecondFactor) return "enroll";
  return null;
}

/** The page a gated session may open (and post its server actions to), or null when it may open any. */
export const gatePage = (gate: SessionGate): string | null => (gate ? GATE_PAGES[gate] : null);
