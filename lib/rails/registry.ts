import type { RailAdapter, RailProvider } from "./rail-adapter";
import { stripeAdapter } from "./stripe/stripe-adapter";
import { lithicAdapter } from "./lithic/lithic-adapter";

/**
 * The card rails this server speaks. A provider whose adapter is undefined cannot be connected
 * (422): its requests could not be verified or answered. Lithic registers here (lib/rails/lithic).
 */
export const railAdapters: Record<RailProvider, RailAdapter | undefined> = {
  stripe: stripeAdapter,
  lithic: lithicAdapter,
};
