import type { RailProvider } from "@/lib/rails/rail-adapter";

/** How people name each rail, and what an admin does in the rail's own dashboard to connect it. */
export const RAIL_PROVIDERS: {
  id: RailProvider;
  label: string;
  secretLabel: string;
  secretHint: string;
  steps: string[];
}[] = [
  {
    id: "stripe",
    label: "Stripe Issuing",
    secretLabel: "Endpoint signing secret",
    secretHint: "whsec_… from the endpoint's page in Stripe (Developers → Webhooks).",
    steps: [
      "In Stripe, open Developers → Webhooks → Add endpoint and paste the webhook URL.",
      "Send these events: issuing_authorization.request, issuing_authorization.created, issuing_authorization.updated and issuing_transaction.created.",
      "Copy the endpoint's signing secret (whsec_…) into the form here.",
    ],
  },
  {
    id: "lithic",
    label: "Lithic",
    secretLabel: "ASA secret and events secret",
    secretHint: "Both whsec_… secrets, separated by a space: Lithic signs authorization requests and events with different ones.",
    steps: [
      "Register the webhook URL as your Auth Stream Access (ASA) responder, and add an event subscription to the same URL for card_transaction.updated.",
      "Copy the ASA secret (Lithic: GET /v1/auth_stream/secret) and the subscription's secret into the form here, separated by a space.",
    ],
  },
];

export const railLabel = (provider: RailProvider) => RAIL_PROVIDERS.find((p) => p.id === provider)?.label ?? provider;
