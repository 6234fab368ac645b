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
    secretLabel: "Signing secrets",
    secretHint: "The events endpoint's and the real-time authorizations' whsec_… secrets, comma-separated (one is enough if Stripe shows the same).",
    steps: [
      "Developers → Webhooks → Add endpoint: send issuing_authorization.created, issuing_authorization.updated and issuing_transaction.created to a placeholder URL, and copy its signing secret.",
      "Settings → Issuing → Real-time authorizations (where issuing_authorization.request goes): the same placeholder; copy this secret too.",
      "Connect here with both secrets, then replace the placeholder in both places with the webhook URL shown.",
    ],
  },
  {
    id: "lithic",
    label: "Lithic",
    secretLabel: "ASA and events secrets",
    secretHint: "The Auth Stream Access secret and the event subscription's secret (whsec_…), comma-separated.",
    steps: [
      "Copy the ASA secret (GET /v1/auth_stream/secret), and create an event subscription for card_transaction.updated to a placeholder URL; copy its secret.",
      "Connect here with both secrets, then register the webhook URL shown as your ASA responder and as the subscription's URL.",
    ],
  },
];

export const railLabel = (provider: RailProvider) => RAIL_PROVIDERS.find((p) => p.id === provider)?.label ?? provider;
