import {
  AttachCardSchema,
  CardListSchema,
  CardSchema,
  CardSettingsDtoSchema,
  CardSettingsSchema,
  ConnectRailSchema,
  RailActivitySchema,
  RailConnectionListSchema,
  RailConnectionSchema,
} from "./rail-schemas";

/** Card rails' part of the OpenAPI document (admins only; agent keys 403). The rail's own endpoint, /api/rails/{id}, is the rail's contract, not ours. */
export const railComponents = {
  RailConnection: RailConnectionSchema,
  RailConnectionList: RailConnectionListSchema,
  ConnectRail: ConnectRailSchema,
  Card: CardSchema,
  CardList: CardListSchema,
  AttachCard: AttachCardSchema,
  CardSettings: CardSettingsDtoSchema,
  SetCardSettings: CardSettingsSchema,
  RailActivity: RailActivitySchema,
};
export const railInputComponents = ["ConnectRail", "AttachCard", "SetCardSettings"];

export const RAIL_EXAMPLES = {
  connectRail: { provider: "stripe", webhook_secret: "whsec_0123456789abcdef" },
  attachCard: { provider: "stripe", card: "ic_1Q2w3E4r5T6y7U8i", last4: "4242" },
  setCardSettings: { tolerance_bps: 500, validity_minutes: 2880 },
};

type Helpers = { json: (name: string, example?: unknown) => object; errors: object; idParam: (description: string) => object };

export function railPaths({ json, errors, idParam }: Helpers) {
  return {
    "/rails": {
      get: {
        operationId: "listRailConnections",
        summary: "Card rail connections of the organisation, with the webhook URL each rail posts to (admin)",
        responses: { "200": { description: "Connections", ...json("RailConnectionList") }, ...errors },
      },
      post: {
        operationId: "connectRail",
        summary: "Connect a card rail (Stripe Issuing); the secret is stored sealed and never shown again (admin)",
        requestBody: { required: true, ...json("ConnectRail", RAIL_EXAMPLES.connectRail) },
        responses: { "201": { description: "The connection and its webhook_url", ...json("RailConnection") }, ...errors },
      },
    },
    "/rails/{id}": {
      delete: {
        operationId: "disconnectRail",
        summary: "Disconnect a card rail: its requests are refused from now on (admin)",
        parameters: [idParam("rail_… connection id")],
        responses: { "200": { description: "The connection, disconnected", ...json("RailConnection") }, ...errors },
      },
    },
    "/agents/{id}/cards": {
      get: {
        operationId: "listAgentCards",
        summary: "An agent's cards, attached and detached (admin)",
        parameters: [idParam("agent UUID")],
        responses: { "200": { description: "Cards", ...json("CardList") }, ...errors },
      },
      post: {
        operationId: "attachCard",
        summary: "Attach a rail's card to an agent: its authorizations are answered from the agent's intents (admin)",
        parameters: [idParam("agent UUID")],
        requestBody: { required: true, ...json("AttachCard", RAIL_EXAMPLES.attachCard) },
        responses: { "201": { description: "The card", ...json("Card") }, ...errors },
      },
    },
    "/intents/{id}/rail-activity": {
      get: {
        operationId: "getIntentRailActivity",
        summary:
          "What the card rail did for an intent: its authorizations, captures and refunds, oldest first (read like the intent: an agent key only its own agent's)",
        parameters: [idParam("intent UUID")],
        responses: { "200": { description: "The rail's activity", ...json("RailActivity") }, ...errors },
      },
    },
    "/organization/card-settings": {
      get: {
        operationId: "getCardSettings",
        summary: "How card authorizations are matched to intents: tolerance over the intent (basis points) and how long an approval covers",
        responses: { "200": { description: "The settings", ...json("CardSettings") }, ...errors },
      },
      put: {
        operationId: "setCardSettings",
        summary: "Set the card tolerance and validity; omitted fields are kept (admin, audited as organization.card_settings_set)",
        requestBody: { required: true, ...json("SetCardSettings", RAIL_EXAMPLES.setCardSettings) },
        responses: { "200": { description: "The settings, saved", ...json("CardSettings") }, ...errors },
      },
    },
    "/cards/{id}": {
      delete: {
        operationId: "detachCard",
        summary: "Detach a card: its later authorizations are declined (admin)",
        parameters: [idParam("card_… id")],
        responses: { "200": { description: "The card, detached", ...json("Card") }, ...errors },
      },
    },
  };
}
