import { formatMinorUnits } from "./format-minor-units";
import { deny, normalizeCurrency, otherCurrency, pass, requireApproval, skipped, type RuleChecks } from "./rule-check";

/** Rules about the amount itself and the wallet that would pay it. */
export const amountRules: RuleChecks<"currency" | "hard_limit" | "wallet_balance" | "auto_approve_limit"> = {
  currency: ({ input, amount }) => {
    const currency = normalizeCurrency(input.intent.currency);
    // First the policy: its limits mean nothing in another currency, wallet or not.
    if (amount === null) {
      const limits = normalizeCurrency(input.policyCurrency);
      return deny(`Limits are in ${limits}; this intent is in ${currency}, which the organisation does not spend in.`);
    }
    if (!input.wallet) {
      return deny(`The agent has no ${currency} wallet, so it cannot spend in ${currency}.`);
    }
    const walletCurrency = normalizeCurrency(input.wallet.currency);
    if (walletCurrency !== currency) {
      return deny(`The intent is in ${currency} but the agent's wallet is in ${walletCurrency}.`);
    }
    return pass(`The intent currency ${currency} is the policy's and matches the agent's wallet.`);
  },

  hard_limit: (ctx) => {
    const { amount, rules, money } = ctx;
    if (amount === null) return otherCurrency(ctx);
    if (amount > rules.hardLimit) {
      return deny(`Amount ${money(amount)} exceeds the hard limit of ${money(rules.hardLimit)}.`);
    }
    return pass(`Amount ${money(amount)} is within the hard limit of ${money(rules.hardLimit)}.`);
  },

  // The wallet is in the intent's currency, so this compares in that currency, not the policy's.
  wallet_balance: ({ input }) => {
    const { wallet, intent } = input;
    if (!wallet || normalizeCurrency(wallet.currency) !== normalizeCurrency(intent.currency)) {
      return skipped(`There is no ${normalizeCurrency(intent.currency)} wallet to check the balance of.`);
    }
    const money = (minor: number) => formatMinorUnits(minor, wallet.currency);
    const available = wallet.balance - wallet.held;
    if (intent.amount > available) {
      return deny(
        `Amount ${money(intent.amount)} exceeds the wallet's available balance of ${money(available)} ` +
          `(balance ${money(wallet.balance)}, ${money(wallet.held)} held for pending approvals).`,
      );
    }
    return pass(`The wallet's available balance of ${money(available)} covers ${money(intent.amount)}.`);
  },

  auto_approve_limit: (ctx) => {
    const { amount, rules, money } = ctx;
    if (amount === null) return otherCurrency(ctx);
    if (amount > rules.autoApproveLimit) {
      return requireApproval(`Amount ${money(amount)} exceeds the auto-approve limit of ${money(rules.autoApproveLimit)}; a human must approve.`);
    }
    return pass(`Amount ${money(amount)} is within the auto-approve limit of ${money(rules.autoApproveLimit)}.`);
  },
};
