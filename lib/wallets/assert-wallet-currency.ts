import { validationError } from "@/lib/errors/app-error";

/**
 * Refuses a new wallet in any currency but the organisation's (400). The policy's limits are
 * in the organisation's currency and the engine denies every intent in another one, so such a
 * wallet could hold money but never spend it; refusing it at the door says so plainly.
 * Wallets that already exist in another currency (opened before this rule) are left alone.
 */
export function assertWalletCurrency(currency: string, orgCurrency: string): void {
  if (currency === orgCurrency) return;
  throw validationError(
    `Wallets are in the organisation's currency, ${orgCurrency}: its policy limits are in ${orgCurrency} and it does not spend in ${currency}, ` +
      `so a ${currency} wallet could never spend. Open the wallet in ${orgCurrency}.`,
    [{ field: "currency", issue: `must be ${orgCurrency}, the organisation's currency` }],
  );
}
