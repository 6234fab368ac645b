/**
 * What people see on an intent a card payment created when a person had to decide: the rail was
 * told no (nobody can answer within its two seconds), in the same words the agent gets
 * (DECLINED_AT_CARD, lib/rails/decide-card-authorization.ts; a unit test keeps them equal).
 */
export const DECLINED_AT_CARD_TEXT = "Declined at the card: submit an intent first";

export function DeclinedAtCard({ className = "" }: { className?: string }) {
  return (
    <p data-testid="declined-at-card" className={`rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-950/50 dark:text-rose-100 ${className}`}>
      <span className="font-semibold">{DECLINED_AT_CARD_TEXT}.</span> A card payment asked for this and no approved intent covered it, so the card was declined.
      Approving it lets the agent&rsquo;s next try at the card go through.
    </p>
  );
}
