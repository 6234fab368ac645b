import { deny, normalizeCurrency, pass, requireApproval, skipped, type RuleChecks } from "./rule-check";

/** Rules about the amount itself and the wallet that would pay it. */
export const amountRules: RuleChecks<"currency" | "hard_limit" | "wallet_balance" | "auto_approve_limit"> = {
  currency: ({ input }) => {
    const currency = normalizeCurrency(input.intent.currency);
    if (!input.wallet) {
      return deny(`The agent has no ${currency} wallet, so it cannot spend in ${currency}.`);
    }
    const walletCurrency = normalizeCurrency(input.wallet.currency);
    if (walletCurrency !== currency) {
      return deny(`The intent is in ${currency} but the agent's wallet is in ${walletCurrency}.`);
    }
    return pass(`The intent currency ${currency} matches the agent's wallet.`);
  },

  hard_limit: ({ input, rules, money }) => {
    const amount = input.intent.amount;
    if (amount > rules.hardLimit) {
      return deny(`Amount ${money(amount)} exceeds the hard limit of ${money(rules.hardLimit)}.`);
    }
    return pass(`Amount ${money(amount)} is within the hard limit of ${money(rules.hardLimit)}.`);
  },

  wallet_balance: ({ input, money }) => {
    const { wallet, intent } = input;
    if (!wallet || normalizeCurrency(wallet.currency) !== normalizeCurrency(intent.currency)) {
      return skipped(`There is no ${normalizeCurrency(intent.currency)} wallet to check the balance of.`);
    }
    const available = wallet.balance - wallet.held;
    if (intent.amount > available) {
      return deny(
        `Amount ${money(intent.amount)} exceeds the wallet's available balance of ${money(available)} ` +
          `(balance ${money(wallet.balance)}, ${money(wallet.held)} held for pending approvals).`,
      );
    }
    return pass(`The wallet's available balance of ${money(available)} covers ${money(intent.amount)}.`);
  },

  auto_approve_limit: ({ input, rules, money }) => {
    const amount = input.intent.amount;
    if (amount > rules.autoApproveLimit) {
      return requireApproval(`Amount ${money(amount)} exceeds the auto-approve limit of ${money(rules.autoApproveLimit)}; a human must approve.`);
    }
    return pass(`Amount ${money(amount)} is within the auto-approve limit of ${money(rules.autoApproveLimit)}.`);
  },
};
